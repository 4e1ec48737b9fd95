import type { CredentialCache } from './contract.js';

/**
 * In-process cache of short-lived provider credentials (Baidu OAuth access tokens, signed
 * JWTs…). Concurrent misses for one key share a single load; values are dropped a safety
 * margin before they expire so a request never starts with a credential about to lapse.
 */
export class MemoryCredentialCache implements CredentialCache {
  private readonly values = new Map<string, { value: string; expiresAt: number }>();
  private readonly loading = new Map<string, Promise<string>>();

  constructor(
    private readonly marginMs = 60_000,
    private readonly now: () => number = Date.now,
  ) {}

  async get(key: string, load: () => Promise<{ value: string; expiresAt: number }>): Promise<string> {
    const hit = this.values.get(key);
    if (hit && hit.expiresAt - this.marginMs > this.now()) return hit.value;
    const pending = this.loading.get(key);
    if (pending) return pending;
    const p = load()
      .then((v) => {
        this.values.set(key, v);
        return v.value;
      })
      .finally(() => this.loading.delete(key));
    this.loading.set(key, p);
    return p;
  }

  delete(key: string): void {
    this.values.delete(key);
  }
}
