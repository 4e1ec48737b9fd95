import { Entity, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { DATETIME, now } from '../../common/columns.js';

/** System setting; `value` is JSON text, typed by the known-options table (option.service.ts). */
@Entity({ tableName: 'options' })
export class Option {
  [OptionalProps]?: 'updatedAt';

  @PrimaryKey({ type: 'string', length: 64, fieldName: 'option_key' })
  key!: string;

  @Property({ type: 'text', fieldName: 'option_value' })
  value!: string;

  @Property({ ...DATETIME, onCreate: now, onUpdate: now })
  updatedAt: Date = now();
}
