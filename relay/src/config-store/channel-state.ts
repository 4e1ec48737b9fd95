import type { HealthEvent } from '@switchboard/shared/jobs';
import type { ConfigMessage, RelayOptions } from '@switchboard/shared/relay-config';
import type { RedisKeys } from '@switchboard/shared/redis-keys';
import type { RedisClient } from '../redis.js';
import type { RuntimeChannel } from './routing-index.js';

/**
 * Live routing state of channels, shared by every worker and host through Redis hash
 * `channelState(id)`: cool-down deadline, consecutive failures, keys and whole channels
 * disabled by a relay (before the api has persisted it and pushed a new snapshot). Each
 * worker mirrors it in memory, refreshed on `channel-state` messages and every resync.
 */
export interface LiveState {
  cooldownUntil: number;
  failures: number;
  disabledKeys: Set<number>;
  /** Reason the whole channel was disabled by a relay, or null. */
  disabled: string | null;
}

const EMPTY: LiveState = { cooldownUntil: 0, failures: 0, disabledKeys: new Set(), disabled: null };

// Counts a failure; at the threshold starts a cool-down and resets the count. One round trip.
const FAILURE_SCRIPT = `
local n = redis.call('HINCRBY', KEYS[1], 'failures', 1)
if n >= tonumber(ARGV[1]) then
  redis.call('HSET', KEYS[1], 'cooldownUntil', ARGV[2], 'failures', 0)
  return tonumber(ARGV[2])
end
return 0`;

// Adds a disabled key to the shared set (merging with keys other workers disabled) and, when
// no usable key is left, marks the channel disabled. Returns the merged list. One round trip.
// ARGV: keyIndex
const DISABLE_KEY_SCRIPT = `
local list = redis.call('HGET', KEYS[1], 'disabledKeys') or ''
local seen = {}
local out = {}
for k in string.gmatch(list, '[^,]+') do
  if not seen[k] then seen[k] = true; out[#out + 1] = k end
end
if not seen[ARGV[1]] then out[#out + 1] = ARGV[1] end
local joined = table.concat(out, ',')
redis.call('HSET', KEYS[1], 'disabledKeys', joined)
return joined`;

export class ChannelStateStore {
  private readonly states = new Map<number, LiveState>();
  /**
   * Local writes per channel. A read from Redis that started before a local write may answer
   * with the older state; it is dropped (the write's own announcement triggers a fresh read).
   */
  private readonly writes = new Map<number, number>();

  constructor(
    private readonly redis: RedisClient,
    private readonly keys: RedisKeys,
    private readonly now: () => number = Date.now,
  ) {}

  get(id: number): LiveState {
    return this.states.get(id) ?? EMPTY;
  }

  /** Loads the state of these channels in one pipelined round trip. */
  async load(ids: number[]): Promise<void> {
    if (ids.length === 0) return;
    const before = ids.map((id) => this.writeCount(id));
    const results = await Promise.all(ids.map((id) => this.redis.hgetall(this.keys.channelState(id))));
    for (let i = 0; i < ids.length; i++) {
      if (this.writeCount(ids[i]!) === before[i]) this.states.set(ids[i]!, parse(results[i] ?? {}));
    }
  }

  async refresh(id: number): Promise<void> {
    const before = this.writeCount(id);
    const fresh = parse(await this.redis.hgetall(this.keys.channelState(id)));
    if (this.writeCount(id) === before) this.states.set(id, fresh);
  }

  private writeCount(id: number): number {
    return this.writes.get(id) ?? 0;
  }

  /** Sets this worker's view at once, ahead of Redis and the other workers. */
  private setLocal(id: number, state: LiveState): void {
    this.writes.set(id, this.writeCount(id) + 1);
    this.states.set(id, state);
  }

  isCoolingDown(id: number): boolean {
    return this.get(id).cooldownUntil > this.now();
  }

  /** Indexes of keys a request may use: decrypted, not disabled in the snapshot nor live. */
  usableKeys(c: RuntimeChannel): number[] {
    const live = this.get(c.id);
    const out: number[] = [];
    for (let i = 0; i < c.keys.length; i++) {
      if (c.keys[i] === null || live.disabledKeys.has(i) || c.snapshot.disabledKeys.includes(i)) continue;
      out.push(i);
    }
    return out;
  }

  /** `evenCooling`: a last resort when every channel of a route rests. */
  isUsable(c: RuntimeChannel, evenCooling = false): boolean {
    const live = this.get(c.id);
    return (
      c.snapshot.status === 'enabled' &&
      live.disabled === null &&
      (evenCooling || live.cooldownUntil <= this.now()) &&
      this.usableKeys(c).length > 0
    );
  }

  /** Records a retryable failure; returns the cool-down deadline when one started. */
  async recordFailure(c: RuntimeChannel, options: RelayOptions, reason: string): Promise<number> {
    const until = this.now() + options.cooldownMs;
    const started = Number(
      await this.redis.eval(FAILURE_SCRIPT, 1, this.keys.channelState(c.id), options.cooldownFailures, until),
    );
    const local = { ...this.get(c.id) };
    if (started > 0) {
      local.cooldownUntil = started;
      local.failures = 0;
      this.setLocal(c.id, local);
      await this.announce(c.id, {
        kind: 'cooldown',
        channelId: c.id,
        until: started,
        reason,
        at: this.now(),
      });
    } else {
      local.failures += 1;
      this.setLocal(c.id, local);
    }
    return started;
  }

  /** Clears the failure count after a success, only when this worker saw failures (no trip otherwise). */
  async recordSuccess(c: RuntimeChannel): Promise<void> {
    const live = this.states.get(c.id);
    if (!live || live.failures === 0) return;
    live.failures = 0;
    await this.redis.hset(this.keys.channelState(c.id), 'failures', 0);
  }

  /** Disables one key; the whole channel when none is left. Returns whether the channel went. */
  async disableKey(c: RuntimeChannel, keyIndex: number, reason: string): Promise<boolean> {
    const live = { ...this.get(c.id), disabledKeys: new Set(this.get(c.id).disabledKeys) };
    live.disabledKeys.add(keyIndex);
    this.setLocal(c.id, live);
    const merged = String(
      await this.redis.eval(DISABLE_KEY_SCRIPT, 1, this.keys.channelState(c.id), keyIndex),
    );
    // Keys other workers disabled meanwhile count too.
    for (const k of merged.split(',').filter(Boolean)) live.disabledKeys.add(Number(k));
    const channelGone = this.usableKeys(c).length === 0;
    if (channelGone) {
      live.disabled = reason;
      await this.redis.hset(this.keys.channelState(c.id), 'disabled', reason);
    }
    const at = this.now();
    await this.announce(
      c.id,
      channelGone
        ? { kind: 'status', channelId: c.id, status: 'auto_disabled', reason, at }
        : { kind: 'key-disabled', channelId: c.id, keyIndex, reason, at },
    );
    return channelGone;
  }

  /** Tells every worker (channel-state) and the console (health event). */
  private async announce(channelId: number, event: HealthEvent): Promise<void> {
    const msg: ConfigMessage = { kind: 'channel-state', channelId };
    await Promise.all([
      this.redis.publish(this.keys.configChannel, JSON.stringify(msg)),
      this.redis.publish(this.keys.healthChannel, JSON.stringify(event)),
    ]);
  }
}

function parse(h: Record<string, string>): LiveState {
  return {
    cooldownUntil: Number(h.cooldownUntil ?? 0) || 0,
    failures: Number(h.failures ?? 0) || 0,
    disabledKeys: new Set((h.disabledKeys ?? '').split(',').filter(Boolean).map(Number)),
    disabled: h.disabled || null,
  };
}
