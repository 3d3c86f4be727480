// Admin accounts, sign-in with lockout, sessions and API tokens: the rules, once, for the CLI
// (`lede admin`, `lede tokens`), the admin pages and the write API.
import { checkNewPassword, DUMMY_PASSWORD_HASH, hashPassword, hashToken, newSecretToken, verifyPassword } from '../core/credentials.ts';
import { LedeError, RetryAfterError } from '../core/errors.ts';
import type { AdminAccount, ApiTokenInfo, Store } from '../store/store.ts';

/** How long an admin session lasts. */
export const SESSION_HOURS = 12;

/** Failed sign-ins allowed per account and per client address before the form locks. */
export interface LoginPolicy {
  readonly maxFailures: number;
  readonly lockoutMinutes: number;
}

/** Lower-cases and checks an email address; throws invalid-input. */
export function normalizeEmail(email: string): string {
  const e = email.trim().toLowerCase();
  if (e.length > 254 || !/^[^\s@<>"]+@[^\s@<>"]+\.[^\s@<>"]+$/.test(e)) {
    throw new LedeError('invalid-input', `admin: "${email}" is not an email address`);
  }
  return e;
}

/** Creates an admin account; throws invalid-input for a bad email or weak password, conflict when it exists. */
export async function createAdminAccount(store: Store, email: string, password: string): Promise<AdminAccount> {
  const normalized = normalizeEmail(email);
  checkNewPassword(password);
  return store.createAdmin(normalized, await hashPassword(password));
}

/** Sets a new password (ending the account's sessions); throws not-found when there is no such account. */
export async function resetAdminPassword(store: Store, email: string, password: string): Promise<void> {
  const normalized = normalizeEmail(email);
  checkNewPassword(password);
  if (!(await store.setAdminPassword(normalized, await hashPassword(password)))) {
    throw new LedeError('not-found', `admin: no admin with email ${normalized}`);
  }
}

/** A new session: the secret for the cookie (never stored) and when it ends. */
export interface NewSession {
  readonly token: string;
  readonly expiresAt: string;
  readonly admin: AdminAccount;
}

const failureKeys = (email: string, address: string) => [`login:account:${email}`, `login:address:${address}`];

/**
 * Signs an admin in. Throws RetryAfterError while the account or the address is locked out
 * (after `maxFailures` failures; the lockout lasts `lockoutMinutes` from the last failure), and
 * unauthorized for a wrong email or password (the same message for both).
 */
export async function signIn(
  store: Store,
  attempt: { email: string; password: string; address: string },
  policy: LoginPolicy,
  now: Date = new Date(),
): Promise<NewSession> {
  const email = attempt.email.trim().toLowerCase().slice(0, 254);
  const keys = failureKeys(email, attempt.address);
  const states = await Promise.all(keys.map((k) => store.peekRateLimit(k, now)));
  const locked = states.filter((s) => s.count >= policy.maxFailures);
  if (locked.length > 0) {
    const until = Math.max(...locked.map((s) => Date.parse(s.resetAt)));
    throw new RetryAfterError(`admin: too many failed sign-ins; try again in ${Math.ceil((until - now.getTime()) / 60_000)} minutes`, until - now.getTime());
  }
  const admin = await store.getAdminByEmail(email);
  // The hash is checked even for an unknown email, so response time does not reveal accounts.
  const ok = await verifyPassword(attempt.password.slice(0, 1024), admin?.passwordHash ?? DUMMY_PASSWORD_HASH);
  if (!admin || !ok) {
    const windowMs = policy.lockoutMinutes * 60_000;
    const hits = await Promise.all(keys.map((k) => store.hitRateLimit(k, windowMs, now)));
    // Past the limit, every further failure restarts the lockout.
    await Promise.all(keys.filter((_, i) => hits[i]!.count >= policy.maxFailures).map((k) => store.extendRateLimit(k, new Date(now.getTime() + windowMs))));
    throw new LedeError('unauthorized', 'admin: wrong email or password');
  }
  await store.clearRateLimit(keys[0]!);
  const token = newSecretToken('ledes');
  const expiresAt = new Date(now.getTime() + SESSION_HOURS * 3_600_000).toISOString();
  await store.createSession(hashToken(token), admin.id, expiresAt);
  return { token, expiresAt, admin };
}

/** The admin of a live session token, or undefined. */
export async function sessionAdmin(store: Store, token: string | undefined, now: Date = new Date()): Promise<AdminAccount | undefined> {
  if (!token || !/^ledes_[\w-]{43}$/.test(token)) return undefined;
  return store.sessionAdmin(hashToken(token), now.toISOString());
}

/** Ends a session. */
export async function signOut(store: Store, token: string | undefined): Promise<void> {
  if (token) await store.deleteSession(hashToken(token));
}

/** Creates an API token; the secret is returned once and only its hash is kept. */
export async function createApiToken(store: Store, name: string): Promise<{ token: string; info: ApiTokenInfo }> {
  const label = name.trim();
  if (!label || label.length > 100) throw new LedeError('invalid-input', 'tokens: the name must have 1 to 100 characters');
  const token = newSecretToken('lede');
  const info = await store.createApiToken(label, hashToken(token));
  return { token, info };
}

/** The live API token a bearer secret names, or undefined. */
export async function authenticateApiToken(store: Store, token: string | undefined, now: Date = new Date()): Promise<ApiTokenInfo | undefined> {
  if (!token || !/^lede_[\w-]{43}$/.test(token)) return undefined;
  return store.useApiToken(hashToken(token), now.toISOString());
}
