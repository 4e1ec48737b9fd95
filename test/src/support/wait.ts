import { sleep } from './ports.js';

/**
 * Polls `probe` until it returns something other than undefined/null/false, and returns that.
 * For state that converges asynchronously (usage rows, config pushes); the message says what
 * was awaited when it times out, with the last error the probe threw.
 */
export async function waitFor<T>(
  probe: () => Promise<T | undefined | null | false>,
  what: string,
  timeoutMs = 30_000,
  intervalMs = 100,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown = null;
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined && value !== null && value !== false) return value;
    } catch (e) {
      if (e instanceof GiveUp) throw e;
      lastError = e;
    }
    if (Date.now() > deadline) {
      const cause = lastError ? ` (last error: ${(lastError as Error).message})` : '';
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${cause}`);
    }
    await sleep(intervalMs);
  }
}

/** Thrown by a probe when waiting longer cannot help (e.g. the process died): waitFor rethrows it. */
export class GiveUp extends Error {
  override name = 'GiveUp';
}
