import type { FilterQuery } from '@mikro-orm/core';
import { GraphQLJSONObject } from 'graphql-scalars';
import { Arg, Authorized, Ctx, Field, ID, InputType, Int, ObjectType, Query, Resolver } from 'type-graphql';
import { toId } from '../../common/errors.js';
import type { GraphqlContext } from '../../graphql/context.js';
import { Role } from '../../graphql/roles.js';
import { AuditLog } from './audit-log.entity.js';

@ObjectType('AuditLog', { description: 'Who did what to which object (secrets masked)' })
class AuditLogType {
  @Field(() => ID)
  id!: number;

  @Field(() => Int, { nullable: true })
  actorId!: number | null;

  @Field(() => String)
  actorName!: string;

  @Field(() => String, { description: 'e.g. channel.update' })
  action!: string;

  @Field(() => String)
  targetType!: string;

  @Field(() => String, { nullable: true })
  targetId!: string | null;

  @Field(() => GraphQLJSONObject, { nullable: true })
  before!: Record<string, unknown> | null;

  @Field(() => GraphQLJSONObject, { nullable: true })
  after!: Record<string, unknown> | null;

  @Field(() => String, { nullable: true })
  ip!: string | null;

  @Field(() => Date)
  createdAt!: Date;
}

@ObjectType('AuditLogPage')
class AuditLogPage {
  @Field(() => [AuditLogType])
  items!: AuditLogType[];

  @Field(() => ID, { nullable: true, description: 'Pass as `before` for the next (older) page' })
  nextCursor!: string | null;
}

@InputType()
class AuditLogFilter {
  @Field(() => Int, { nullable: true })
  actorId?: number;

  @Field(() => String, {
    nullable: true,
    description: 'Exact action, or a prefix ending in "." (e.g. "channel.")',
  })
  action?: string;

  @Field(() => String, { nullable: true })
  targetType?: string;

  @Field(() => String, { nullable: true })
  targetId?: string;

  @Field(() => Date, { nullable: true })
  from?: Date;

  @Field(() => Date, { nullable: true })
  to?: Date;
}

@Resolver(() => AuditLogType)
export class AuditLogResolver {
  @Authorized(Role.ADMIN)
  @Query(() => AuditLogPage, { description: 'Audit log, newest first (keyset pages).' })
  async auditLogs(
    @Ctx() ctx: GraphqlContext,
    @Arg('filter', () => AuditLogFilter, { nullable: true }) filter?: AuditLogFilter,
    @Arg('before', () => ID, { nullable: true }) before?: string,
    @Arg('limit', () => Int, { defaultValue: 50 }) limit = 50,
  ): Promise<AuditLogPage> {
    const where: FilterQuery<AuditLog> = {};
    if (filter?.actorId != null) where.actorId = filter.actorId;
    if (filter?.action) {
      where.action = filter.action.endsWith('.')
        ? { $like: `${filter.action.replace(/[\\%_]/g, (c) => `\\${c}`)}%` }
        : filter.action;
    }
    if (filter?.targetType) where.targetType = filter.targetType;
    if (filter?.targetId) where.targetId = filter.targetId;
    if (filter?.from || filter?.to) {
      where.createdAt = {
        ...(filter.from ? { $gte: filter.from } : {}),
        ...(filter.to ? { $lt: filter.to } : {}),
      };
    }
    if (before) where.id = { $lt: toId(before, 'before') };
    const size = Math.min(Math.max(limit, 1), 500);
    const items = await ctx.em.find(AuditLog, where, { orderBy: { id: 'desc' }, limit: size + 1 });
    const more = items.length > size;
    const page = more ? items.slice(0, size) : items;
    return { items: page, nextCursor: more ? String(page[page.length - 1]!.id) : null };
  }
}
