import { hash, verify } from '@node-rs/argon2';
import { badInput } from '../../common/errors.js';

/** argon2id with the library's defaults (m=19 MiB, t=2, p=1: OWASP's minimum). */
export function hashPassword(plain: string): Promise<string> {
  return hash(plain);
}

export async function verifyPassword(hashed: string, plain: string): Promise<boolean> {
  try {
    return await verify(hashed, plain);
  } catch {
    return false;
  }
}

export function validatePassword(plain: string, field = 'password'): void {
  if (plain.length < 8) throw badInput(field, 'Password must be at least 8 characters');
  if (plain.length > 256) throw badInput(field, 'Password must be at most 256 characters');
}

/** A dummy hash to verify against when the user does not exist (same timing either way). */
let dummy: Promise<string> | null = null;
export function dummyHash(): Promise<string> {
  dummy ??= hash('not-a-real-password');
  return dummy;
}
