'use client';
import { useSubscription } from '@urql/next';
import { ChannelHealthSubscription } from '@/graphql/channels';

export interface LiveHealth {
  status?: string;
  reason?: string | null;
  latencyMs?: number | null;
  ok?: boolean | null;
  at: string;
}

/** channelId → the latest health event seen on the `channelHealth` subscription. */
export function useChannelHealth(): Record<string, LiveHealth> {
  const [result] = useSubscription(
    { query: ChannelHealthSubscription },
    (prev: Record<string, LiveHealth> = {}, data) => {
      const e = data.channelHealth;
      const id = String(e.channelId);
      const before = prev[id] ?? { at: '' };
      return {
        ...prev,
        [id]: {
          status: e.status ?? before.status,
          reason: e.reason ?? (e.kind === 'status' ? null : before.reason),
          latencyMs: e.latencyMs ?? before.latencyMs,
          ok: e.ok ?? before.ok,
          at: String(e.at),
        },
      };
    },
  );
  return result.data ?? {};
}

export function statusTone(status: string | undefined): 'success' | 'warning' | 'danger' | 'neutral' {
  if (status === 'enabled') return 'success';
  if (status === 'auto_disabled') return 'danger';
  if (status === 'manually_disabled') return 'neutral';
  return 'warning';
}
