import { Entity, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { DATETIME, now } from '../../common/columns.js';

@Entity({ tableName: 'user_groups' })
export class Group {
  [OptionalProps]?: 'description' | 'createdAt' | 'updatedAt';

  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @Property({ type: 'string', length: 64, unique: true })
  name!: string;

  /** Price multiplier, exact decimal string (see shared/pricing). */
  @Property({ type: 'string', length: 32 })
  ratio!: string;

  @Property({ type: 'string', length: 255, nullable: true })
  description: string | null = null;

  @Property({ ...DATETIME, onCreate: now })
  createdAt: Date = now();

  @Property({ ...DATETIME, onCreate: now, onUpdate: now })
  updatedAt: Date = now();
}
