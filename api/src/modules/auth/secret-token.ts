import { randomBytes } from 'node:crypto';
import { hashTokenKey } from '@switchboard/shared/crypto';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** `<prefix>` + 40 base62 characters (~238 bits): high-entropy, so SHA-256 is enough to store. */
export function generateSecret(
  prefix: string,
  length = 40,
): { plain: string; hash: string; display: string } {
  let out = '';
  while (out.length < length) {
    for (const b of randomBytes(length * 2)) {
      if (b >= 248) continue; // keep the distribution uniform (248 = 62 × 4)
      out += ALPHABET[b % 62];
      if (out.length === length) break;
    }
  }
  const plain = prefix + out;
  return { plain, hash: hashTokenKey(plain), display: plain.slice(0, prefix.length + 4) };
}
