/**
 * BullMQ queue names and job payloads shared by api and relay. Queues are created with
 * `prefix: redisKeys(prefix).bullPrefix`. Job data never carries secrets: a channel task names
 * the channel and the relay reads its (encrypted) keys from its own config snapshot.
 */
export const QUEUES = {
  /** api → relay: work that needs a provider adapter. Return value is the result. */
  channelTasks: 'channel-tasks',
  /** relay → api: routing facts to persist in MySQL (auto-disable, key disable). */
  channelEvents: 'channel-events',
  /** api internal: scheduled and bulk maintenance (tests, quota resets, pruning, roll-ups). */
  maintenance: 'maintenance',
} as const;

export type ChannelTask =
  /** Send a small real request through the channel's adapter; result is ChannelTestResult. */
  | { kind: 'test'; channelId: number; model?: string }
  /** List the upstream's models; result is { models: string[] }. */
  | { kind: 'models'; channelId: number }
  /** Read the upstream account balance; result is { balanceUsd: number | null }. */
  | { kind: 'balance'; channelId: number };

export interface ChannelTestResult {
  ok: boolean;
  model: string;
  latencyMs: number;
  status: number;
  /** Short, secret-free reason when not ok. */
  error: string | null;
  /** True when the error is fatal for the key (invalid key, no balance, deactivated). */
  fatal: boolean;
}

export type ChannelEvent =
  | {
      kind: 'auto-disable-channel';
      channelId: number;
      reason: string;
      at: number;
    }
  | {
      kind: 'auto-disable-key';
      channelId: number;
      keyIndex: number;
      reason: string;
      at: number;
    };

/** Live health events on `redisKeys.healthChannel`, fanned out to GraphQL subscriptions. */
export type HealthEvent =
  | { kind: 'status'; channelId: number; status: string; reason: string | null; at: number }
  | {
      kind: 'test';
      channelId: number;
      ok: boolean;
      latencyMs: number;
      error: string | null;
      at: number;
    }
  | { kind: 'cooldown'; channelId: number; until: number; reason: string; at: number }
  | { kind: 'key-disabled'; channelId: number; keyIndex: number; reason: string; at: number };
