import { type ConfigMessage, relaySnapshotSchema } from '@switchboard/shared/relay-config';
import type { RedisKeys } from '@switchboard/shared/redis-keys';
import type { Logger } from '../log.js';
import type { RedisClient } from '../redis.js';
import { ChannelStateStore } from './channel-state.js';
import { buildRoutingIndex, type RoutingIndex } from './routing-index.js';

export interface ConfigStoreEvents {
  /** Token records changed: drop these key hashes (or all, when null). */
  onTokens(keyHashes: string[] | null): void;
  /** A new routing index was swapped in. */
  onIndex?(index: RoutingIndex): void;
}

/**
 * Holds the current routing index. Loads the snapshot at start, follows `configChannel`
 * announcements, and resyncs after a reconnect, on a version gap and periodically. While no
 * snapshot is loaded — or Redis came back empty — `ready` is false and the relay answers 503.
 */
export class ConfigStore {
  index: RoutingIndex | null = null;
  /** False while Redis has no snapshot (empty after a restart, api rebuilding). */
  snapshotPresent = false;
  readonly channelState: ChannelStateStore;
  private timer: NodeJS.Timeout | null = null;
  private loading: Promise<void> | null = null;
  private stopped = false;

  constructor(
    private readonly redis: RedisClient,
    private readonly subscriber: RedisClient,
    private readonly keys: RedisKeys,
    private readonly secretKey: string,
    private readonly log: Logger,
    private readonly events: ConfigStoreEvents,
    private readonly resyncMs: number,
  ) {
    this.channelState = new ChannelStateStore(redis, keys);
  }

  get ready(): boolean {
    return this.index !== null && this.snapshotPresent;
  }

  async start(): Promise<void> {
    this.subscriber.on('message', (channel: string, payload: string) => {
      if (channel === this.keys.configChannel) this.onMessage(payload);
    });
    // After a reconnect messages may have been missed: resync everything.
    this.subscriber.on('ready', () => {
      this.events.onTokens(null);
      void this.resync();
    });
    // Redis may be down at boot: keep trying in the background and serve 503 meanwhile.
    const subscribed = this.subscribeUntilDone();
    await Promise.race([subscribed, new Promise((r) => setTimeout(r, 3_000).unref())]);
    await this.resync();
    this.timer = setInterval(() => void this.resync(), this.resyncMs);
    this.timer.unref();
  }

  private async subscribeUntilDone(): Promise<void> {
    while (!this.stopped) {
      try {
        await this.subscriber.subscribe(this.keys.configChannel);
        return;
      } catch (err) {
        this.log.warn('config channel subscribe failed; retrying', { error: String(err) });
        await new Promise((r) => setTimeout(r, 1_000));
      }
    }
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
  }

  /** Fetches the stored snapshot and swaps it in when newer; reloads live channel state. */
  resync(): Promise<void> {
    if (this.stopped) return Promise.resolve();
    this.loading ??= this.load().finally(() => {
      this.loading = null;
    });
    return this.loading;
  }

  private async load(): Promise<void> {
    try {
      const text = await this.redis.get(this.keys.configSnapshot);
      if (text === null) {
        if (this.snapshotPresent)
          this.log.warn('config snapshot missing from Redis; answering 503 until it is back');
        this.snapshotPresent = false;
        return;
      }
      this.snapshotPresent = true;
      const raw = JSON.parse(text) as { version?: number };
      if (!this.index || (raw.version ?? 0) > this.index.version) {
        const snap = relaySnapshotSchema.parse(raw);
        const index = buildRoutingIndex(snap, this.secretKey, this.index, (channelId, i) =>
          this.log.warn('channel key cannot be decrypted (SECRET_KEY mismatch?)', { channelId, keyIndex: i }),
        );
        await this.channelState.load([...index.channels.keys()]);
        this.index = index;
        this.events.onIndex?.(index);
        this.log.info('config loaded', { version: index.version, channels: index.channels.size });
      } else {
        await this.channelState.load([...this.index.channels.keys()]);
      }
    } catch (err) {
      this.log.warn('config resync failed', { error: String(err) });
    }
  }

  private onMessage(payload: string): void {
    let msg: ConfigMessage;
    try {
      msg = JSON.parse(payload) as ConfigMessage;
    } catch {
      return;
    }
    switch (msg.kind) {
      case 'snapshot':
        // Also when Redis had lost the snapshot: a rebuild may republish the same version.
        if (!this.index || !this.snapshotPresent || msg.version > this.index.version) void this.resync();
        break;
      case 'tokens':
        this.events.onTokens(msg.keyHashes);
        break;
      case 'tokens-all':
        this.events.onTokens(null);
        break;
      case 'channel-state':
        this.channelState
          .refresh(msg.channelId)
          .catch((err) => this.log.warn('channel state refresh failed', { error: String(err) }));
        break;
    }
  }
}
