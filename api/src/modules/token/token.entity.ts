import { Entity, Enum, Index, ManyToOne, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { DATETIME, now, quotaColumn } from '../../common/columns.js';
import { User } from '../user/user.entity.js';

export const QUOTA_RESETS = ['none', 'daily', 'monthly'] as const;
export type QuotaReset = (typeof QUOTA_RESETS)[number];
export type TokenStatus = 'enabled' | 'disabled';

/** A customer API key for the relay. The key itself is shown once; only its SHA-256 is kept. */
@Entity({ tableName: 'tokens' })
@Index({ properties: ['user', 'createdAt'] })
export class Token {
  [OptionalProps]?:
    | 'status'
    | 'expiresAt'
    | 'unlimited'
    | 'remainQuota'
    | 'usedQuota'
    | 'models'
    | 'ipWhitelist'
    | 'group'
    | 'rpm'
    | 'tpm'
    | 'quotaReset'
    | 'resetAmount'
    | 'lastResetAt'
    | 'playground'
    | 'lastUsedAt'
    | 'createdAt'
    | 'updatedAt';

  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @ManyToOne(() => User, { deleteRule: 'cascade' })
  user!: User;

  @Property({ type: 'string', length: 128 })
  name!: string;

  @Property({ type: 'string', length: 64, unique: true })
  keyHash!: string;

  /** e.g. "sk-AbCd", for display. */
  @Property({ type: 'string', length: 16 })
  keyPrefix!: string;

  @Enum({ items: ['enabled', 'disabled'], type: 'string', length: 16, default: 'enabled' })
  status: TokenStatus = 'enabled';

  @Property({ ...DATETIME, nullable: true })
  expiresAt: Date | null = null;

  @Property({ type: 'boolean', default: false })
  unlimited: boolean = false;

  @Property({ type: quotaColumn(), default: 0 })
  remainQuota: bigint = 0n;

  @Property({ type: quotaColumn(), default: 0 })
  usedQuota: bigint = 0n;

  /** null = every model of the group. */
  @Property({ type: 'json', nullable: true })
  models: string[] | null = null;

  /** CIDR list; null = any address. */
  @Property({ type: 'json', nullable: true })
  ipWhitelist: string[] | null = null;

  /** null = the owner's group. */
  @Property({ type: 'string', length: 64, fieldName: 'group_name', nullable: true })
  group: string | null = null;

  @Property({ type: 'integer', default: 0 })
  rpm: number = 0;

  @Property({ type: 'integer', default: 0 })
  tpm: number = 0;

  @Enum({ items: () => QUOTA_RESETS, type: 'string', length: 16, default: 'none' })
  quotaReset: QuotaReset = 'none';

  /** Remaining quota restored by each reset. */
  @Property({ type: quotaColumn(), default: 0 })
  resetAmount: bigint = 0n;

  @Property({ ...DATETIME, nullable: true })
  lastResetAt: Date | null = null;

  /** Short-lived console playground token. */
  @Property({ type: 'boolean', default: false })
  playground: boolean = false;

  @Property({ ...DATETIME, nullable: true })
  lastUsedAt: Date | null = null;

  @Property({ ...DATETIME, onCreate: now })
  createdAt: Date = now();

  @Property({ ...DATETIME, onCreate: now, onUpdate: now })
  updatedAt: Date = now();
}
