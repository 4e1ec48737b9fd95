import { Agent } from 'undici';
import type { AdapterChannel, AdapterContext } from './contract.js';
import { MemoryCredentialCache } from './credential-cache.js';

/**
 * Builds an AdapterContext for an adapter's own tests (against a mock upstream), with the
 * same kinds of parts the relay uses: an undici Agent with the channel's timeouts and an
 * in-memory credential cache. Not used on the request path.
 */
export function testAdapterContext(
  channel: Partial<AdapterChannel> & Pick<AdapterChannel, 'type' | 'baseUrl'>,
  key: string,
  overrides: Partial<AdapterContext> = {},
): AdapterContext {
  const full: AdapterChannel = {
    id: 1,
    name: `test-${channel.type}`,
    config: {},
    headers: {},
    streamUsage: true,
    timeouts: { connectMs: 5_000, firstByteMs: 30_000, streamIdleMs: 30_000 },
    ...channel,
  };
  const debugLines: string[] = [];
  return {
    channel: full,
    key,
    passthroughHeaders: {},
    signal: new AbortController().signal,
    dispatcher: new Agent({
      connect: { timeout: full.timeouts.connectMs },
      headersTimeout: full.timeouts.firstByteMs,
      bodyTimeout: full.timeouts.streamIdleMs,
    }),
    log: {
      debug: (msg) => debugLines.push(msg),
      warn: (msg) => debugLines.push(msg),
    },
    fetchImage: async () => {
      throw new Error('fetchImage is not configured in this test context; pass one in overrides');
    },
    cache: new MemoryCredentialCache(),
    ...overrides,
  };
}
