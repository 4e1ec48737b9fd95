import type { EntityManager } from '@mikro-orm/core';
import { usageStatusSchema } from '@switchboard/shared/usage';
import { badInput, forbidden } from '../../common/errors.js';
import { hasRole } from '../../graphql/roles.js';
import { canManageUser } from '../user/user.access.js';
import { User } from '../user/user.entity.js';
import { UsageLog } from './usage-log.entity.js';
import type { UsageLogFilter } from './usage-log.input.js';

export type Actor = Pick<User, 'id' | 'role'>;

/** A WHERE clause with its parameters. */
export interface SqlWhere {
  sql: string;
  params: unknown[];
}

export interface Cursor {
  time: Date;
  id: number;
}

export const encodeCursor = (c: { time: Date; id: number }) =>
  Buffer.from(`${c.time.getTime()}:${c.id}`).toString('base64url');

export function decodeCursor(value: string): Cursor {
  const m = /^(\d{1,15}):(\d{1,20})$/.exec(Buffer.from(value, 'base64url').toString());
  if (!m) throw badInput('after', 'Not a cursor from this API');
  return { time: new Date(Number(m[1])), id: Number(m[2]) };
}

/**
 * Who sees which rows: customers their own, sales themselves and the customers they manage
 * (role user), admins and root everything. A filter naming a user the actor may not see is
 * FORBIDDEN rather than silently empty.
 */
export async function scopeWhere(em: EntityManager, actor: Actor, filter: UsageLogFilter): Promise<SqlWhere> {
  const parts: string[] = [];
  const params: unknown[] = [];
  const add = (sql: string, ...p: unknown[]) => {
    parts.push(sql);
    params.push(...p);
  };
  if (filter.userId != null) {
    if (filter.userId !== actor.id) {
      const target = hasRole(actor.role, 'sales') ? await em.findOne(User, filter.userId) : null;
      if (!target || !canSeeUsage(actor, target)) throw forbidden('You may not read this user’s usage');
    }
    add('l.user_id = ?', filter.userId);
  } else if (!hasRole(actor.role, 'sales')) {
    add('l.user_id = ?', actor.id);
  } else if (!hasRole(actor.role, 'admin')) {
    const hidden = await staffOtherThan(em, actor.id);
    if (hidden.length) add(`l.user_id NOT IN (${hidden.map(() => '?').join(', ')})`, ...hidden);
  }
  if (filter.from) add('l.time >= ?', filter.from);
  if (filter.to) add('l.time < ?', filter.to);
  if (filter.tokenId != null) add('l.token_id = ?', filter.tokenId);
  if (filter.channelId != null) add('l.channel_id = ?', filter.channelId);
  if (filter.model) add('l.model = ?', filter.model);
  if (filter.status) {
    if (!usageStatusSchema.safeParse(filter.status).success)
      throw badInput('filter.status', 'success, partial, aborted or failed');
    add('l.status = ?', filter.status);
  }
  if (filter.requestId) add('l.request_id = ?', filter.requestId);
  return { sql: parts.length ? parts.join(' AND ') : '1 = 1', params };
}

/**
 * Ids of staff (sales, admin, root) other than the actor: what sales may not see. Staff are few,
 * so excluding them as a constant list keeps the time-ordered index scan (an IN-subquery over
 * customers would turn into a join and a filesort at millions of rows).
 */
export async function staffOtherThan(em: EntityManager, actorId: number): Promise<number[]> {
  const staff = await em.find(User, { role: { $ne: 'user' }, id: { $ne: actorId } }, { fields: ['id'] });
  return staff.map((u) => u.id);
}

/** Staff see the usage of users they manage; admins and root see everyone's. */
export function canSeeUsage(actor: Actor, target: Pick<User, 'id' | 'role'>): boolean {
  return hasRole(actor.role, 'admin') || canManageUser(actor, target);
}

/**
 * Usage-log reads. Pages use keyset cursors on (time, id), newest first: each page is one
 * range scan on an index that starts with the filtered column and ends with (time, id) — InnoDB
 * appends the primary key to every secondary index — so page 10,000 costs what page 1 does.
 */
export class UsageLogService {
  async page(
    em: EntityManager,
    actor: Actor,
    filter: UsageLogFilter,
    first: number,
    after: string | null,
  ): Promise<{ rows: UsageLog[]; hasNextPage: boolean }> {
    if (!Number.isInteger(first) || first < 1 || first > 1000) throw badInput('first', 'Between 1 and 1000');
    const where = await scopeWhere(em, actor, filter);
    const rows = await this.rows(em, where, after ? decodeCursor(after) : null, first + 1);
    return { rows: rows.slice(0, first), hasNextPage: rows.length > first };
  }

  async rows(em: EntityManager, where: SqlWhere, after: Cursor | null, limit: number): Promise<UsageLog[]> {
    let sql = where.sql;
    const params = [...where.params];
    if (after) {
      // `time <= t` gives the index a plain range; the OR only trims the equal-time edge.
      sql += ' AND l.time <= ? AND (l.time < ? OR l.id < ?)';
      params.push(after.time, after.time, after.id);
    }
    const raw: Record<string, unknown>[] = await em
      .getConnection()
      .execute(`SELECT l.* FROM usage_logs l WHERE ${sql} ORDER BY l.time DESC, l.id DESC LIMIT ?`, [
        ...params,
        limit,
      ]);
    return raw.map((r) => em.map(UsageLog, r));
  }

  async totals(em: EntityManager, where: SqlWhere) {
    const [row]: Record<string, unknown>[] = await em.getConnection().execute(
      `SELECT COUNT(*) AS requests,
              COALESCE(SUM(l.status IN ('failed', 'partial')), 0) AS errors,
              COALESCE(SUM(l.prompt_tokens), 0) AS prompt_tokens,
              COALESCE(SUM(l.completion_tokens), 0) AS completion_tokens,
              CAST(COALESCE(SUM(l.quota), 0) AS CHAR) AS quota
       FROM usage_logs l WHERE ${where.sql}`,
      where.params,
    );
    return {
      requests: Number(row!.requests),
      errors: Number(row!.errors),
      promptTokens: BigInt(String(row!.prompt_tokens)),
      completionTokens: BigInt(String(row!.completion_tokens)),
      quota: BigInt(String(row!.quota)),
    };
  }
}
