import { Entity, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { DATETIME, now, quotaColumn } from '../../common/columns.js';

/** Prices of one model: every field of shared/relay-config ModelPrice. Ratios are exact decimal strings. */
@Entity({ tableName: 'model_prices' })
export class ModelPrice {
  [OptionalProps]?:
    | 'completionRatio'
    | 'cachedRatio'
    | 'cacheWriteRatio'
    | 'reasoningRatio'
    | 'perCallQuota'
    | 'imagePrices'
    | 'audioPerMinuteQuota'
    | 'audioPer1kCharsQuota'
    | 'defaultMaxOutputTokens'
    | 'createdAt'
    | 'updatedAt';

  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @Property({ type: 'string', length: 191, unique: true })
  model!: string;

  @Property({ type: 'string', length: 32 })
  modelRatio!: string;

  @Property({ type: 'string', length: 32, default: '1' })
  completionRatio: string = '1';

  @Property({ type: 'string', length: 32, default: '1' })
  cachedRatio: string = '1';

  @Property({ type: 'string', length: 32, default: '1' })
  cacheWriteRatio: string = '1';

  /** null = the completion ratio. */
  @Property({ type: 'string', length: 32, nullable: true })
  reasoningRatio: string | null = null;

  @Property({ type: quotaColumn(), default: 0 })
  perCallQuota: bigint = 0n;

  /** "size|quality" → quota per image (integer strings); "*" as fallback. */
  @Property({ type: 'json' })
  imagePrices: Record<string, string> = {};

  @Property({ type: quotaColumn(), nullable: true })
  audioPerMinuteQuota: bigint | null = null;

  @Property({ type: quotaColumn(), nullable: true })
  audioPer1kCharsQuota: bigint | null = null;

  @Property({ type: 'integer', default: 4096 })
  defaultMaxOutputTokens: number = 4096;

  @Property({ ...DATETIME, onCreate: now })
  createdAt: Date = now();

  @Property({ ...DATETIME, onCreate: now, onUpdate: now })
  updatedAt: Date = now();
}
