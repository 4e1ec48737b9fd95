import { Entity, Index, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { counterColumn, DATETIME, now } from '../../common/columns.js';

/** Who did what to which object, with before/after (secrets masked before they get here). */
@Entity({ tableName: 'audit_logs' })
@Index({ properties: ['createdAt'] })
@Index({ properties: ['actorId', 'createdAt'] })
@Index({ properties: ['targetType', 'targetId'] })
export class AuditLog {
  [OptionalProps]?: 'actorId' | 'targetId' | 'before' | 'after' | 'ip' | 'createdAt';

  @PrimaryKey({ type: counterColumn(), autoincrement: true })
  id!: number;

  @Property({ type: 'integer', nullable: true })
  actorId: number | null = null;

  @Property({ type: 'string', length: 64 })
  actorName!: string;

  /** e.g. "channel.update" */
  @Property({ type: 'string', length: 64 })
  action!: string;

  @Property({ type: 'string', length: 32 })
  targetType!: string;

  @Property({ type: 'string', length: 64, nullable: true })
  targetId: string | null = null;

  @Property({ type: 'json', nullable: true })
  before: Record<string, unknown> | null = null;

  @Property({ type: 'json', nullable: true })
  after: Record<string, unknown> | null = null;

  @Property({ type: 'string', length: 64, nullable: true })
  ip: string | null = null;

  @Property({ ...DATETIME, onCreate: now })
  createdAt: Date = now();
}
