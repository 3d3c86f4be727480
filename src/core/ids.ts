// Identifiers: short, URL-safe, random, and sortable by creation time.
import { randomBytes } from 'node:crypto';

const ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyz';

/** A new 14-character id: 8 characters of time (ms, base 36), 6 random. */
export function newId(now: number = Date.now()): string {
  const time = now.toString(36).padStart(8, '0').slice(-8);
  const bytes = randomBytes(6);
  let rand = '';
  for (const b of bytes) rand += ALPHABET[b % 36];
  return time + rand;
}
