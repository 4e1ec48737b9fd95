import { Entity, Enum, Index, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { DATETIME, now, quotaColumn } from '../../common/columns.js';

export type RedemptionStatus = 'unused' | 'used' | 'disabled';

/** A code worth `quota`; stored as a SHA-256 hash like token keys (shown once at generation). */
@Entity({ tableName: 'redemptions' })
@Index({ properties: ['batchName'] })
export class Redemption {
  [OptionalProps]?: 'status' | 'redeemedById' | 'redeemedAt' | 'expiresAt' | 'createdAt';

  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @Property({ type: 'string', length: 64, unique: true })
  codeHash!: string;

  @Property({ type: 'string', length: 16 })
  codePrefix!: string;

  @Property({ type: 'string', length: 128 })
  batchName!: string;

  @Property({ type: quotaColumn() })
  quota!: bigint;

  @Enum({ items: ['unused', 'used', 'disabled'], type: 'string', length: 16, default: 'unused' })
  status: RedemptionStatus = 'unused';

  @Property({ type: 'integer' })
  createdById!: number;

  @Property({ type: 'integer', nullable: true })
  redeemedById: number | null = null;

  @Property({ ...DATETIME, nullable: true })
  redeemedAt: Date | null = null;

  @Property({ ...DATETIME, nullable: true })
  expiresAt: Date | null = null;

  @Property({ ...DATETIME, onCreate: now })
  createdAt: Date = now();
}
