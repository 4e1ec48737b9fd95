import { createCipheriv, createDecipheriv, hash, hkdfSync, randomBytes } from 'node:crypto';

/**
 * Keys derived from SECRET_KEY with HKDF, one per purpose, so that a leak of one derived key
 * does not expose the others and SECRET_KEY itself is never used directly.
 */
export type KeyPurpose = 'channel-keys' | 'sessions';

export function deriveKey(secret: string, purpose: KeyPurpose): Buffer {
  return Buffer.from(hkdfSync('sha256', secret, 'switchboard', purpose, 32));
}

const VERSION = 'v1';

/** AES-256-GCM; output `v1.<iv>.<tag>.<ciphertext>` in base64url. */
export function encryptSecret(plain: string, key: Buffer): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const ct = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  const tag = cipher.getAuthTag();
  return [VERSION, iv.toString('base64url'), tag.toString('base64url'), ct.toString('base64url')].join('.');
}

export function decryptSecret(sealed: string, key: Buffer): string {
  const [version, iv, tag, ct] = sealed.split('.');
  if (version !== VERSION || !iv || !tag || ct === undefined) throw new Error('malformed sealed secret');
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  return Buffer.concat([decipher.update(Buffer.from(ct, 'base64url')), decipher.final()]).toString('utf8');
}

/** Customer token keys are random and high-entropy: a plain SHA-256 is enough to find them. */
export function hashTokenKey(key: string): string {
  // One-shot hash (Node ≥ 20.12): no Hash object per call; the relay hashes every request's key.
  return hash('sha256', key, 'hex');
}

export const TOKEN_KEY_PREFIX = 'sk-';

/** A new customer token key: `sk-` + 48 base62 characters (~285 bits). */
export function generateTokenKey(): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  const bytes = randomBytes(64);
  let out = '';
  for (const b of bytes) {
    if (b >= 248) continue; // 248 = 62*4: keep the distribution uniform
    out += alphabet[b % 62];
    if (out.length === 48) break;
  }
  return out.length === 48 ? TOKEN_KEY_PREFIX + out : generateTokenKey();
}

/** What may be shown of a secret: first and last characters only. */
export function maskSecret(secret: string): string {
  if (secret.length <= 8) return '*'.repeat(secret.length);
  return `${secret.slice(0, 3)}…${secret.slice(-4)}`;
}
