import { Entity, Index, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import type { UsageAttempt, UsageStatus } from '@switchboard/shared/usage';
import { counterColumn, DATETIME, quotaColumn } from '../../common/columns.js';

/**
 * One row per relayed request (shared/usage UsageRecord), written in batches by the usage
 * writer, idempotent by `requestId`. No foreign keys: logs outlive deleted users, tokens and
 * channels, and inserts stay cheap. Indexes serve the filtered, time-ordered keyset queries
 * (InnoDB secondary indexes carry the primary key, so each is effectively (x, time, id)).
 */
@Entity({ tableName: 'usage_logs' })
@Index({ properties: ['time'] })
@Index({ properties: ['userId', 'time'] })
@Index({ properties: ['tokenId', 'time'] })
@Index({ properties: ['model', 'time'] })
@Index({ properties: ['channelId', 'time'] })
@Index({ properties: ['status', 'time'] })
export class UsageLog {
  [OptionalProps]?:
    | 'channelId'
    | 'upstreamModel'
    | 'cachedTokens'
    | 'cacheWriteTokens'
    | 'reasoningTokens'
    | 'ttftMs'
    | 'errorMessage'
    | 'clientIp'
    | 'usageEstimated'
    | 'attempts';

  @PrimaryKey({ type: counterColumn(), autoincrement: true })
  id!: number;

  @Property({ type: 'string', length: 64, unique: true })
  requestId!: string;

  @Property({ ...DATETIME })
  time!: Date;

  @Property({ type: 'integer' })
  userId!: number;

  @Property({ type: 'integer' })
  tokenId!: number;

  @Property({ type: 'integer', nullable: true })
  channelId: number | null = null;

  @Property({ type: 'string', length: 64 })
  endpoint!: string;

  @Property({ type: 'string', length: 191 })
  model!: string;

  @Property({ type: 'string', length: 191, nullable: true })
  upstreamModel: string | null = null;

  @Property({ type: 'string', length: 64, fieldName: 'group_name' })
  group!: string;

  @Property({ type: 'integer' })
  promptTokens!: number;

  @Property({ type: 'integer' })
  completionTokens!: number;

  @Property({ type: 'integer', default: 0 })
  cachedTokens: number = 0;

  @Property({ type: 'integer', default: 0 })
  cacheWriteTokens: number = 0;

  @Property({ type: 'integer', default: 0 })
  reasoningTokens: number = 0;

  @Property({ type: quotaColumn() })
  quota!: bigint;

  @Property({ type: 'integer' })
  latencyMs!: number;

  @Property({ type: 'integer', nullable: true })
  ttftMs: number | null = null;

  @Property({ type: 'boolean' })
  stream!: boolean;

  @Property({ type: 'string', length: 16 })
  status!: UsageStatus;

  @Property({ type: 'smallint' })
  httpStatus!: number;

  @Property({ type: 'text', nullable: true })
  errorMessage: string | null = null;

  @Property({ type: 'string', length: 64, nullable: true })
  clientIp: string | null = null;

  @Property({ type: 'boolean', default: false })
  usageEstimated: boolean = false;

  @Property({ type: 'json', nullable: true })
  attempts: UsageAttempt[] | null = null;
}
