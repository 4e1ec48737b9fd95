import { Entity, Enum, Index, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { DATETIME, now, quotaColumn } from '../../common/columns.js';

export type TopUpKind = 'topup' | 'adjustment' | 'redemption';

/** Every change of a user's balance that is not usage: top-ups, manual adjustments, redemptions. */
@Entity({ tableName: 'top_ups' })
@Index({ properties: ['userId', 'createdAt'] })
export class TopUp {
  [OptionalProps]?: 'actorId' | 'redemptionId' | 'createdAt';

  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @Property({ type: 'integer' })
  userId!: number;

  /** Signed quota delta. */
  @Property({ type: quotaColumn() })
  amount!: bigint;

  @Enum({ items: ['topup', 'adjustment', 'redemption'], type: 'string', length: 16 })
  kind!: TopUpKind;

  @Property({ type: 'string', length: 255 })
  reason!: string;

  /** Who did it; null for a user's own redemption. */
  @Property({ type: 'integer', nullable: true })
  actorId: number | null = null;

  @Property({ type: 'integer', nullable: true })
  redemptionId: number | null = null;

  @Property({ ...DATETIME, onCreate: now })
  createdAt: Date = now();
}
