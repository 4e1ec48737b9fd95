import type { EntityManager } from '@mikro-orm/core';
import type { App } from '../../app.js';
import { badInput, forbidden } from '../../common/errors.js';
import { hasRole } from '../../graphql/roles.js';
import { Channel } from '../channel/channel.entity.js';
import { Token } from '../token/token.entity.js';
import { type Actor, canSeeUsage, type SqlWhere, staffOtherThan } from '../usage-log/usage-log.service.js';
import { User } from '../user/user.entity.js';
import { checkTimeZone, localDay, nextDay, startOfLocalDay } from './time-zone.js';
import type { UsageStatsRange } from './usage-stats.type.js';

const MAX_DAYS = 400;

interface Sums {
  requests: number;
  errors: number;
  promptTokens: bigint;
  completionTokens: bigint;
  quota: bigint;
  latencySum: number;
}

const SUMS = `SUM(r.requests) AS requests, SUM(r.errors) AS errors, SUM(r.prompt_tokens) AS prompt_tokens,
  SUM(r.completion_tokens) AS completion_tokens, CAST(SUM(r.quota) AS CHAR) AS quota,
  SUM(r.latency_sum_ms) AS latency_sum`;

function sums(row: Record<string, unknown>): Sums {
  return {
    requests: Number(row.requests ?? 0),
    errors: Number(row.errors ?? 0),
    promptTokens: BigInt(String(row.prompt_tokens ?? 0)),
    completionTokens: BigInt(String(row.completion_tokens ?? 0)),
    quota: BigInt(String(row.quota ?? 0)),
    latencySum: Number(row.latency_sum ?? 0),
  };
}

function add(a: Sums, b: Sums): Sums {
  return {
    requests: a.requests + b.requests,
    errors: a.errors + b.errors,
    promptTokens: a.promptTokens + b.promptTokens,
    completionTokens: a.completionTokens + b.completionTokens,
    quota: a.quota + b.quota,
    latencySum: a.latencySum + b.latencySum,
  };
}

function figures(s: Sums) {
  const { latencySum, ...rest } = s;
  return { ...rest, avgLatencyMs: s.requests ? Math.round((latencySum / s.requests) * 10) / 10 : 0 };
}

/**
 * Statistics from the 15-minute roll-ups (kept after logs are pruned). Every IANA offset is a
 * multiple of 15 minutes, so each bucket lies inside one local day of any zone: a day is the
 * exact sum of its buckets, for UTC, Asia/Kolkata (+5:30), Asia/Kathmandu (+5:45) and across
 * DST changes alike. Buckets are mapped to local days here rather than in SQL (CONVERT_TZ needs
 * the server's zone tables, which are often not loaded).
 */
export class UsageStatsService {
  constructor(private readonly app: App) {}

  async byDayAndModel(em: EntityManager, actor: Actor, range: UsageStatsRange) {
    const { where, timeZone } = await this.where(em, actor, range);
    const rows: Record<string, unknown>[] = await em.getConnection().execute(
      `SELECT r.bucket_start AS bucket, r.model AS model, ${SUMS} FROM usage_rollups r
         WHERE ${where.sql} GROUP BY r.bucket_start, r.model`,
      where.params,
    );
    const days = new Map<string, Map<string, Sums>>();
    const dayOf = new Map<number, string>();
    for (const row of rows) {
      const ms = toMs(row.bucket);
      let day = dayOf.get(ms);
      if (!day) {
        day = localDay(ms, timeZone);
        dayOf.set(ms, day);
      }
      const models = days.get(day) ?? new Map<string, Sums>();
      const model = String(row.model);
      const prev = models.get(model);
      models.set(model, prev ? add(prev, sums(row)) : sums(row));
      days.set(day, models);
    }
    const out = [];
    for (const day of [...days.keys()].sort()) {
      const models = days.get(day)!;
      for (const model of [...models.keys()].sort()) out.push({ day, model, ...figures(models.get(model)!) });
    }
    return out;
  }

  async byChannel(em: EntityManager, actor: Actor, range: UsageStatsRange) {
    if (!hasRole(actor.role, 'admin')) throw forbidden('Channel statistics are for admins');
    const { where } = await this.where(em, actor, range);
    const rows: Record<string, unknown>[] = await em.getConnection().execute(
      `SELECT r.channel_id AS channel_id, ${SUMS} FROM usage_rollups r WHERE ${where.sql}
         GROUP BY r.channel_id ORDER BY SUM(r.quota) DESC`,
      where.params,
    );
    const ids = rows.map((r) => Number(r.channel_id)).filter((id) => id > 0);
    const names = new Map((await em.find(Channel, { id: { $in: ids } })).map((c) => [c.id, c.name]));
    return rows.map((r) => ({
      channelId: Number(r.channel_id),
      channelName: names.get(Number(r.channel_id)) ?? null,
      ...figures(sums(r)),
    }));
  }

  async topCustomers(em: EntityManager, actor: Actor, range: UsageStatsRange, limit: number) {
    if (!hasRole(actor.role, 'sales')) throw forbidden('Customer statistics are for staff');
    const { where } = await this.where(em, actor, range);
    const rows: Record<string, unknown>[] = await em.getConnection().execute(
      `SELECT r.user_id AS user_id, ${SUMS} FROM usage_rollups r WHERE ${where.sql}
         GROUP BY r.user_id ORDER BY SUM(r.quota) DESC LIMIT ?`,
      [...where.params, clampLimit(limit)],
    );
    const names = new Map(
      (await em.find(User, { id: { $in: rows.map((r) => Number(r.user_id)) } })).map((u) => [
        u.id,
        u.username,
      ]),
    );
    return rows.map((r) => ({
      userId: Number(r.user_id),
      username: names.get(Number(r.user_id)) ?? null,
      ...figures(sums(r)),
    }));
  }

  async topTokens(em: EntityManager, actor: Actor, range: UsageStatsRange, limit: number) {
    const { where } = await this.where(em, actor, range);
    const rows: Record<string, unknown>[] = await em.getConnection().execute(
      `SELECT r.token_id AS token_id, MIN(r.user_id) AS user_id, ${SUMS} FROM usage_rollups r WHERE ${where.sql}
         GROUP BY r.token_id ORDER BY SUM(r.quota) DESC LIMIT ?`,
      [...where.params, clampLimit(limit)],
    );
    const names = new Map(
      (await em.find(Token, { id: { $in: rows.map((r) => Number(r.token_id)) } })).map((t) => [t.id, t.name]),
    );
    return rows.map((r) => ({
      tokenId: Number(r.token_id),
      tokenName: names.get(Number(r.token_id)) ?? null,
      userId: Number(r.user_id),
      ...figures(sums(r)),
    }));
  }

  /** Balances for the dashboard, scoped like logs; channels for admins only. */
  async balances(em: EntityManager, actor: Actor, userId: number | null, limit: number) {
    const n = clampLimit(limit);
    let userWhere: Record<string, unknown>;
    if (userId != null) {
      const target = await em.findOne(User, userId);
      if (!target || !canSeeUsage(actor, target)) throw forbidden('You may not read this user’s balance');
      userWhere = { id: userId };
    } else if (hasRole(actor.role, 'admin')) userWhere = {};
    else if (hasRole(actor.role, 'sales')) userWhere = { $or: [{ role: 'user' }, { id: actor.id }] };
    else userWhere = { id: actor.id };
    const users = await em.find(User, userWhere, { orderBy: { usedQuota: 'desc', id: 'asc' }, limit: n });
    const live = await Promise.all(
      users.map((u) => this.app.publisher.liveUserQuota(u.id).catch(() => null)),
    );
    const tokens = await em.find(
      Token,
      userId != null || !hasRole(actor.role, 'admin') ? { user: { $in: users.map((u) => u.id) } } : {},
      { orderBy: { usedQuota: 'desc', id: 'asc' }, limit: n },
    );
    const channels = hasRole(actor.role, 'admin')
      ? await em.find(Channel, {}, { orderBy: { usedQuota: 'desc', id: 'asc' }, limit: n })
      : [];
    return {
      users: users.map((u, i) => ({
        userId: u.id,
        username: u.username,
        quota: u.quota,
        liveQuota: live[i] ?? null,
        usedQuota: u.usedQuota,
        requestCount: u.requestCount,
      })),
      tokens: tokens.map((t) => ({
        tokenId: t.id,
        name: t.name,
        userId: t.user.id,
        unlimited: t.unlimited,
        remainQuota: t.remainQuota,
        usedQuota: t.usedQuota,
      })),
      channels: channels.map((c) => ({
        channelId: c.id,
        name: c.name,
        status: c.status,
        usedQuota: c.usedQuota,
        balanceUsd: c.balanceUsd,
        balanceUpdatedAt: c.balanceUpdatedAt,
      })),
    };
  }

  private async where(
    em: EntityManager,
    actor: Actor,
    range: UsageStatsRange,
  ): Promise<{ where: SqlWhere; timeZone: string }> {
    const timeZone = checkTimeZone(range.timeZone || 'UTC');
    if (range.to < range.from) throw badInput('to', 'Must not be before from');
    const start = startOfLocalDay(range.from, timeZone);
    const end = startOfLocalDay(nextDay(range.to), timeZone);
    if (end - start > MAX_DAYS * 86_400_000) throw badInput('to', `At most ${MAX_DAYS} days at once`);
    const parts = ['r.bucket_start >= ?', 'r.bucket_start < ?'];
    const params: unknown[] = [new Date(start), new Date(end)];
    if (range.userId != null) {
      if (range.userId !== actor.id) {
        const target = hasRole(actor.role, 'sales') ? await em.findOne(User, range.userId) : null;
        if (!target || !canSeeUsage(actor, target)) throw forbidden('You may not read this user’s usage');
      }
      parts.push('r.user_id = ?');
      params.push(range.userId);
    } else if (!hasRole(actor.role, 'sales')) {
      parts.push('r.user_id = ?');
      params.push(actor.id);
    } else if (!hasRole(actor.role, 'admin')) {
      const hidden = await staffOtherThan(em, actor.id);
      if (hidden.length) {
        parts.push(`r.user_id NOT IN (${hidden.map(() => '?').join(', ')})`);
        params.push(...hidden);
      }
    }
    if (range.tokenId != null) {
      parts.push('r.token_id = ?');
      params.push(range.tokenId);
    }
    if (range.channelId != null) {
      parts.push('r.channel_id = ?');
      params.push(range.channelId);
    }
    if (range.model) {
      parts.push('r.model = ?');
      params.push(range.model);
    }
    return { where: { sql: parts.join(' AND '), params }, timeZone };
  }
}

function clampLimit(limit: number): number {
  return Math.min(Math.max(Math.trunc(limit) || 10, 1), 200);
}

function toMs(v: unknown): number {
  if (v instanceof Date) return v.getTime();
  // DATETIME as text: UTC (the connection's zone).
  return new Date(`${String(v).replace(' ', 'T')}Z`).getTime();
}
