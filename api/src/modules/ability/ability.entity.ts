import { Entity, Index, ManyToOne, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { Channel } from '../channel/channel.entity.js';

/**
 * Derived routing table: one row per (group, model, channel), rebuilt from the channel on every
 * change (see ability.service.ts). The relay routes on the same facts from its snapshot; the
 * table serves queries such as "which channels serve group X / model Y".
 */
@Entity({ tableName: 'abilities' })
@Unique({ properties: ['group', 'model', 'channel'] })
@Index({ properties: ['group', 'model', 'enabled', 'priority'] })
export class Ability {
  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @Property({ type: 'string', length: 64, fieldName: 'group_name' })
  group!: string;

  @Property({ type: 'string', length: 191 })
  model!: string;

  @ManyToOne(() => Channel, { deleteRule: 'cascade' })
  channel!: Channel;

  @Property({ type: 'integer' })
  priority!: number;

  @Property({ type: 'integer' })
  weight!: number;

  @Property({ type: 'boolean' })
  enabled!: boolean;
}
