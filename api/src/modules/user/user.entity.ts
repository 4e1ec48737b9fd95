import { Entity, Enum, Index, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { counterColumn, DATETIME, now, quotaColumn } from '../../common/columns.js';

export const USER_ROLES = ['root', 'admin', 'sales', 'user'] as const;
export type UserRole = (typeof USER_ROLES)[number];
export type UserStatus = 'enabled' | 'disabled';

@Entity({ tableName: 'users' })
export class User {
  [OptionalProps]?:
    | 'group'
    | 'quota'
    | 'usedQuota'
    | 'requestCount'
    | 'rpm'
    | 'tpm'
    | 'status'
    | 'displayName'
    | 'email'
    | 'createdAt'
    | 'updatedAt'
    | 'lastLoginAt'
    | 'mustChangePassword'
    | 'createdById';

  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @Property({ type: 'string', length: 64, unique: true })
  username!: string;

  /** argon2id (PHC string). */
  @Property({ type: 'string', length: 255, hidden: true, lazy: false })
  passwordHash!: string;

  @Enum({ items: () => USER_ROLES, type: 'string', length: 16 })
  @Index()
  role!: UserRole;

  @Property({ type: 'string', length: 64, fieldName: 'group_name', default: 'default' })
  group: string = 'default';

  /** Balance in quota units (MySQL copy; Redis holds the live value, see config-publisher). */
  @Property({ type: quotaColumn(), default: 0 })
  quota: bigint = 0n;

  @Property({ type: quotaColumn(), default: 0 })
  usedQuota: bigint = 0n;

  @Property({ type: counterColumn(), default: 0 })
  requestCount: number = 0;

  /** Requests / tokens per minute across all the user's tokens; 0 = no limit. */
  @Property({ type: 'integer', default: 0 })
  rpm: number = 0;

  @Property({ type: 'integer', default: 0 })
  tpm: number = 0;

  @Enum({ items: ['enabled', 'disabled'], type: 'string', length: 16, default: 'enabled' })
  status: UserStatus = 'enabled';

  @Property({ type: 'string', length: 128, nullable: true })
  displayName: string | null = null;

  @Property({ type: 'string', length: 255, nullable: true })
  email: string | null = null;

  /**
   * The password was generated (root on first start) or set by staff: the console asks the user
   * to choose its own. Cleared by changePassword.
   */
  @Property({ type: 'boolean', default: false })
  mustChangePassword: boolean = false;

  /** Who created this user (sales or admin); null for root and self-created users. */
  @Property({ type: 'integer', nullable: true })
  createdById: number | null = null;

  @Property({ ...DATETIME, nullable: true })
  lastLoginAt: Date | null = null;

  @Property({ ...DATETIME, onCreate: now })
  createdAt: Date = now();

  @Property({ ...DATETIME, onCreate: now, onUpdate: now })
  updatedAt: Date = now();
}
