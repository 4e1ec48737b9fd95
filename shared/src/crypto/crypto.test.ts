import { describe, expect, it } from 'vitest';
import {
  decryptSecret,
  deriveKey,
  encryptSecret,
  generateTokenKey,
  hashTokenKey,
  maskSecret,
} from './index.js';

describe('crypto', () => {
  it('round-trips channel keys and rejects tampering or a wrong key', () => {
    const key = deriveKey('a-long-enough-secret', 'channel-keys');
    const sealed = encryptSecret('sk-upstream-secret', key);
    expect(sealed).not.toContain('sk-upstream');
    expect(decryptSecret(sealed, key)).toBe('sk-upstream-secret');
    expect(() => decryptSecret(sealed, deriveKey('a-long-enough-secret', 'sessions'))).toThrow();
    const parts = sealed.split('.');
    parts[3] = Buffer.from('tampered').toString('base64url');
    expect(() => decryptSecret(parts.join('.'), key)).toThrow();
  });

  it('makes distinct high-entropy token keys', () => {
    const keys = new Set(Array.from({ length: 1000 }, generateTokenKey));
    expect(keys.size).toBe(1000);
    for (const k of keys) expect(k).toMatch(/^sk-[A-Za-z0-9]{48}$/);
    expect(hashTokenKey('sk-a')).toHaveLength(64);
    expect(maskSecret('sk-abcdefghijkl')).toBe('sk-…ijkl');
  });
});
