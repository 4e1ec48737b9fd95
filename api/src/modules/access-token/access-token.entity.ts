import { Entity, Enum, Index, ManyToOne, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { DATETIME, now } from '../../common/columns.js';
import { User } from '../user/user.entity.js';

/** `session`: issued by login (also the console cookie); `personal`: created by the user for scripts. */
export type AccessTokenKind = 'session' | 'personal';

/** Bearer tokens for the GraphQL API. Only the SHA-256 hash is stored. */
@Entity({ tableName: 'access_tokens' })
export class AccessToken {
  [OptionalProps]?: 'lastUsedAt' | 'expiresAt' | 'createdAt';

  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @ManyToOne(() => User, { deleteRule: 'cascade' })
  user!: User;

  @Property({ type: 'string', length: 128 })
  name!: string;

  @Enum({ items: ['session', 'personal'], type: 'string', length: 16 })
  kind!: AccessTokenKind;

  @Property({ type: 'string', length: 64, unique: true })
  tokenHash!: string;

  /** First characters of the token, for display. */
  @Property({ type: 'string', length: 16 })
  prefix!: string;

  @Property({ ...DATETIME, nullable: true })
  lastUsedAt: Date | null = null;

  @Property({ ...DATETIME, nullable: true })
  @Index()
  expiresAt: Date | null = null;

  @Property({ ...DATETIME, onCreate: now })
  createdAt: Date = now();
}
