import { Entity, Enum, Index, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import type { ChannelStatus } from '@switchboard/shared/relay-config';
import { DATETIME, now, quotaColumn } from '../../common/columns.js';

export const CHANNEL_STATUSES = ['enabled', 'manually_disabled', 'auto_disabled'] as const;
export const KEY_STRATEGIES = ['round_robin', 'random'] as const;
export type KeyStrategy = (typeof KEY_STRATEGIES)[number];

/**
 * An upstream provider account. Keys are sealed with AES-GCM (shared/crypto) under a key
 * derived from SECRET_KEY; `keyHints` keeps a masked form for display so reads never decrypt.
 */
@Entity({ tableName: 'channels' })
export class Channel {
  [OptionalProps]?:
    | 'disabledKeys'
    | 'keyStrategy'
    | 'priority'
    | 'weight'
    | 'modelMapping'
    | 'headers'
    | 'passthroughHeaders'
    | 'connectTimeoutMs'
    | 'firstByteTimeoutMs'
    | 'streamIdleTimeoutMs'
    | 'streamUsage'
    | 'autoTest'
    | 'autoDisable'
    | 'config'
    | 'status'
    | 'statusReason'
    | 'responseTimeMs'
    | 'lastTestAt'
    | 'balanceUsd'
    | 'balanceUpdatedAt'
    | 'usedQuota'
    | 'createdAt'
    | 'updatedAt';

  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  /** shared/providers PROVIDERS[].type */
  @Property({ type: 'string', length: 32 })
  type!: string;

  @Property({ type: 'string', length: 128 })
  name!: string;

  /** Sealed keys (encryptSecret); the index is the key's id inside the channel. */
  @Property({ type: 'json', lazy: false })
  keys!: string[];

  /** maskSecret() of each key, same order as `keys`. */
  @Property({ type: 'json' })
  keyHints!: string[];

  @Property({ type: 'json' })
  disabledKeys: number[] = [];

  @Enum({ items: () => KEY_STRATEGIES, type: 'string', length: 16, default: 'round_robin' })
  keyStrategy: KeyStrategy = 'round_robin';

  @Property({ type: 'string', length: 512 })
  baseUrl!: string;

  @Property({ type: 'json' })
  models!: string[];

  @Property({ type: 'json' })
  groups!: string[];

  @Property({ type: 'integer', default: 0 })
  priority: number = 0;

  @Property({ type: 'integer', default: 1 })
  weight: number = 1;

  /** requested model → upstream model */
  @Property({ type: 'json' })
  modelMapping: Record<string, string> = {};

  @Property({ type: 'json' })
  headers: Record<string, string> = {};

  @Property({ type: 'json' })
  passthroughHeaders: string[] = [];

  @Property({ type: 'integer', default: 10_000 })
  connectTimeoutMs: number = 10_000;

  /** The whole generation for a non-stream call (o1-pro/o3-pro run minutes): as the OpenAI SDK, 10 min. */
  @Property({ type: 'integer', default: 600_000 })
  firstByteTimeoutMs: number = 600_000;

  @Property({ type: 'integer', default: 300_000 })
  streamIdleTimeoutMs: number = 300_000;

  @Property({ type: 'boolean', default: true })
  streamUsage: boolean = true;

  /** Include this channel in scheduled tests (and re-tests of auto-disabled channels). */
  @Property({ type: 'boolean', default: true })
  autoTest: boolean = true;

  /** Let the relay disable this channel on fatal upstream errors. */
  @Property({ type: 'boolean', default: true })
  autoDisable: boolean = true;

  /** Provider-specific settings (shared/providers fields). */
  @Property({ type: 'json' })
  config: Record<string, unknown> = {};

  @Enum({ items: () => CHANNEL_STATUSES, type: 'string', length: 24, default: 'enabled' })
  @Index()
  status: ChannelStatus = 'enabled';

  @Property({ type: 'string', length: 512, nullable: true })
  statusReason: string | null = null;

  @Property({ type: 'integer', nullable: true })
  responseTimeMs: number | null = null;

  @Property({ ...DATETIME, nullable: true })
  lastTestAt: Date | null = null;

  /** Upstream account balance in USD as reported by the provider (decimal string). */
  @Property({ type: 'string', length: 32, nullable: true })
  balanceUsd: string | null = null;

  @Property({ ...DATETIME, nullable: true })
  balanceUpdatedAt: Date | null = null;

  @Property({ type: quotaColumn(), default: 0 })
  usedQuota: bigint = 0n;

  @Property({ ...DATETIME, onCreate: now })
  createdAt: Date = now();

  @Property({ ...DATETIME, onCreate: now, onUpdate: now })
  updatedAt: Date = now();
}
