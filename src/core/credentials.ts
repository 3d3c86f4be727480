// Passwords and bearer secrets: scrypt password hashes with their parameters in the hash, and
// random tokens of which only a SHA-256 is ever stored.
import { createHash, randomBytes, scrypt as scryptCb, type ScryptOptions, timingSafeEqual } from 'node:crypto';
import { LedeError } from './errors.ts';

// N = 2^15, r = 8: 32 MiB and ~50-100 ms per hash on a small server (OWASP's scrypt minimum is N = 2^17
// with r = 8, p = 1 for interactive logins on current hardware; 2^15 keeps a 2-core box responsive).
const N = 1 << 15;
const R = 8;
const P = 1;
const KEY_LENGTH = 32;
/** Shortest password accepted. */
export const MIN_PASSWORD_LENGTH = 12;

function scrypt(password: string, salt: Buffer, n: number, r: number, p: number): Promise<Buffer> {
  const options: ScryptOptions = { N: n, r, p, maxmem: 256 * n * r + 16 * 1024 * 1024 };
  return new Promise((resolve, reject) => {
    scryptCb(password.normalize('NFC'), salt, KEY_LENGTH, options, (err, key) => (err ? reject(err) : resolve(key)));
  });
}

/** Checks a new password; throws invalid-input with the reason. */
export function checkNewPassword(password: string): void {
  if (password.length < MIN_PASSWORD_LENGTH) {
    throw new LedeError('invalid-input', `admin: the password must have at least ${MIN_PASSWORD_LENGTH} characters`);
  }
  if (password.length > 1024) throw new LedeError('invalid-input', 'admin: the password is longer than 1024 characters');
}

/** Hashes a password as `scrypt$N$r$p$salt$key` (base64url). */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await scrypt(password, salt, N, R, P);
  return ['scrypt', N, R, P, salt.toString('base64url'), key.toString('base64url')].join('$');
}

/** True when `password` matches `stored`; false for any malformed or foreign hash. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return false;
  const [n, r, p] = parts.slice(1, 4).map(Number) as [number, number, number];
  // Parameters come from the database; bound them so a tampered row cannot exhaust memory.
  if (!Number.isInteger(Math.log2(n)) || n < 2 ** 10 || n > 2 ** 20 || r < 1 || r > 32 || p < 1 || p > 16) return false;
  const expected = Buffer.from(parts[5]!, 'base64url');
  if (expected.length !== KEY_LENGTH) return false;
  const key = await scrypt(password, Buffer.from(parts[4]!, 'base64url'), n, r, p);
  return timingSafeEqual(key, expected);
}

/** A hash that matches no password, verified when an account does not exist so timing tells nothing. */
export const DUMMY_PASSWORD_HASH = `scrypt$${N}$${R}$${P}$${Buffer.alloc(16).toString('base64url')}$${Buffer.alloc(KEY_LENGTH).toString('base64url')}`;

/** A random password for `lede admin create` when none is given: 20 characters from 120 bits. */
export function generatePassword(): string {
  return randomBytes(15).toString('base64url');
}

/** A new bearer secret: `prefix_` and 256 random bits. */
export function newSecretToken(prefix: string): string {
  return `${prefix}_${randomBytes(32).toString('base64url')}`;
}

/** What the store keeps of a bearer secret. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}
