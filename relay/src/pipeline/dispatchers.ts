import { Agent } from 'undici';
import type { RuntimeChannel } from '../config-store/routing-index.js';

/**
 * One keep-alive undici Agent per channel, built with the channel's connect / first-byte /
 * idle timeouts, reused across snapshots while the timeouts stay the same.
 */
export class Dispatchers {
  private readonly agents = new Map<number, { sig: string; agent: Agent }>();

  for(c: RuntimeChannel): Agent {
    const t = c.snapshot.timeouts;
    const sig = `${t.connectMs}/${t.firstByteMs}/${t.streamIdleMs}`;
    const hit = this.agents.get(c.id);
    if (hit && hit.sig === sig) return hit.agent;
    if (hit) void hit.agent.close();
    const agent = new Agent({
      connect: { timeout: t.connectMs },
      headersTimeout: t.firstByteMs,
      bodyTimeout: t.streamIdleMs,
      keepAliveTimeout: 30_000,
      keepAliveMaxTimeout: 600_000,
      pipelining: 1,
    });
    this.agents.set(c.id, { sig, agent });
    return agent;
  }

  /** Closes agents of channels no longer in the snapshot. */
  prune(ids: Set<number>): void {
    for (const [id, { agent }] of this.agents) {
      if (!ids.has(id)) {
        void agent.close();
        this.agents.delete(id);
      }
    }
  }

  async closeAll(): Promise<void> {
    await Promise.all([...this.agents.values()].map(({ agent }) => agent.close()));
    this.agents.clear();
  }
}
