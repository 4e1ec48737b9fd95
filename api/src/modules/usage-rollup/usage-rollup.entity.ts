import { Entity, Index, OptionalProps, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { counterColumn, DATETIME, quotaColumn } from '../../common/columns.js';

/**
 * 15-minute usage buckets, fine enough that day boundaries are exact in every IANA zone
 * (offsets are multiples of 15 minutes). `channelId` 0 = no channel reached (a NULL would
 * defeat the unique key that upserts rely on).
 */
@Entity({ tableName: 'usage_rollups' })
@Unique({ properties: ['bucketStart', 'userId', 'tokenId', 'channelId', 'model'] })
@Index({ properties: ['userId', 'bucketStart'] })
@Index({ properties: ['channelId', 'bucketStart'] })
@Index({ properties: ['model', 'bucketStart'] })
export class UsageRollup {
  [OptionalProps]?:
    | 'requests'
    | 'errors'
    | 'promptTokens'
    | 'completionTokens'
    | 'cachedTokens'
    | 'cacheWriteTokens'
    | 'reasoningTokens'
    | 'quota'
    | 'latencySumMs';

  @PrimaryKey({ type: counterColumn(), autoincrement: true })
  id!: number;

  @Property({ ...DATETIME })
  bucketStart!: Date;

  @Property({ type: 'integer' })
  userId!: number;

  @Property({ type: 'integer' })
  tokenId!: number;

  @Property({ type: 'integer' })
  channelId!: number;

  @Property({ type: 'string', length: 191 })
  model!: string;

  @Property({ type: counterColumn(), default: 0 })
  requests: number = 0;

  @Property({ type: counterColumn(), default: 0 })
  errors: number = 0;

  @Property({ type: counterColumn(), default: 0 })
  promptTokens: number = 0;

  @Property({ type: counterColumn(), default: 0 })
  completionTokens: number = 0;

  @Property({ type: counterColumn(), default: 0 })
  cachedTokens: number = 0;

  @Property({ type: counterColumn(), default: 0 })
  cacheWriteTokens: number = 0;

  @Property({ type: counterColumn(), default: 0 })
  reasoningTokens: number = 0;

  @Property({ type: quotaColumn(), default: 0 })
  quota: bigint = 0n;

  @Property({ type: counterColumn(), default: 0 })
  latencySumMs: number = 0;
}
