import 'reflect-metadata';
import type { MikroORM } from '@mikro-orm/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../app.js';
import { connectDatabase, migrate } from '../../bootstrap/database.js';
import { loadEnv } from '../../env.js';
import { writeUsageBatch } from '../../usage-writer/usage-batch.js';
import { seedUsageOwner, usageRecord } from '../../usage-writer/usage-fixtures.js';
import { localDay, offsetMinutes, startOfLocalDay } from './time-zone.js';
import { UsageStatsService } from './usage-stats.service.js';

describe('time zones', () => {
  it('finds local midnights for whole, half and three-quarter hour offsets and across DST', () => {
    expect(new Date(startOfLocalDay('2026-03-11', 'UTC')).toISOString()).toBe('2026-03-11T00:00:00.000Z');
    expect(new Date(startOfLocalDay('2026-03-11', 'Asia/Kolkata')).toISOString()).toBe(
      '2026-03-10T18:30:00.000Z',
    );
    expect(new Date(startOfLocalDay('2026-03-11', 'Asia/Kathmandu')).toISOString()).toBe(
      '2026-03-10T18:15:00.000Z',
    );
    expect(new Date(startOfLocalDay('2026-03-11', 'Australia/Eucla')).toISOString()).toBe(
      '2026-03-10T15:15:00.000Z',
    );
    // 2026-03-08 is 23 hours long in New York (EST → EDT at 02:00).
    expect(new Date(startOfLocalDay('2026-03-08', 'America/New_York')).toISOString()).toBe(
      '2026-03-08T05:00:00.000Z',
    );
    expect(new Date(startOfLocalDay('2026-03-09', 'America/New_York')).toISOString()).toBe(
      '2026-03-09T04:00:00.000Z',
    );
    expect(offsetMinutes(Date.parse('2026-07-01T00:00:00Z'), 'America/New_York')).toBe(-240);
    expect(localDay(Date.parse('2026-03-09T03:59:00Z'), 'America/New_York')).toBe('2026-03-08');
  });
});

describe('usage statistics from 15-minute roll-ups', () => {
  let orm: MikroORM;
  let stats: UsageStatsService;
  const admin = { id: 0, role: 'admin' as const };
  const env = loadEnv(process.env);

  beforeAll(async () => {
    orm = await connectDatabase(env);
    await migrate(orm);
    // Only `balances` reads the app (live Redis balances); the queries tested here use the em.
    stats = new UsageStatsService({} as App);
  });
  afterAll(() => orm?.close(true));

  async function daysOf(timeZone: string, instants: string[], from: string, to: string) {
    const { user, token, channel } = await seedUsageOwner(orm.em.fork());
    await writeUsageBatch(
      orm,
      instants.map((iso, i) =>
        usageRecord({
          userId: user.id,
          tokenId: token.id,
          channelId: channel.id,
          time: Date.parse(iso),
          quota: String(100 * (i + 1)),
          status: i === 0 ? 'failed' : 'success',
          latencyMs: 100 * (i + 1),
        }),
      ),
    );
    const rows = await stats.byDayAndModel(orm.em.fork(), admin, { from, to, timeZone, userId: user.id });
    return Object.fromEntries(rows.map((r) => [r.day, r.requests]));
  }

  it('UTC', async () => {
    expect(
      await daysOf('UTC', ['2026-03-10T23:50:00Z', '2026-03-11T00:05:00Z'], '2026-03-10', '2026-03-11'),
    ).toEqual({
      '2026-03-10': 1,
      '2026-03-11': 1,
    });
  });

  it('Asia/Kolkata (+5:30): the day turns at 18:30 UTC', async () => {
    const instants = ['2026-03-10T18:20:00Z', '2026-03-10T18:35:00Z', '2026-03-11T18:29:59Z'];
    expect(await daysOf('Asia/Kolkata', instants, '2026-03-10', '2026-03-11')).toEqual({
      '2026-03-10': 1,
      '2026-03-11': 2,
    });
  });

  it('Asia/Kathmandu (+5:45): the day turns at 18:15 UTC; a one-day range takes exactly its buckets', async () => {
    const instants = [
      '2026-03-10T18:10:00Z',
      '2026-03-10T18:20:00Z',
      '2026-03-11T18:14:00Z',
      '2026-03-11T18:16:00Z',
    ];
    expect(await daysOf('Asia/Kathmandu', instants, '2026-03-11', '2026-03-11')).toEqual({ '2026-03-11': 2 });
  });

  it('America/New_York across the start of DST', async () => {
    const instants = [
      '2026-03-07T04:55:00Z', // Mar 6 23:55 EST
      '2026-03-08T04:50:00Z', // Mar 7 23:50 EST
      '2026-03-09T03:50:00Z', // Mar 8 23:50 EDT (a fixed −5 offset would say Mar 8 22:50 too)
      '2026-03-09T04:30:00Z', // Mar 9 00:30 EDT (a fixed −5 offset would say Mar 8)
    ];
    expect(await daysOf('America/New_York', instants, '2026-03-06', '2026-03-09')).toEqual({
      '2026-03-06': 1,
      '2026-03-07': 1,
      '2026-03-08': 1,
      '2026-03-09': 1,
    });
  });

  it('sums requests, errors, tokens, quota and mean latency per day × model and per channel', async () => {
    const { user, token, channel } = await seedUsageOwner(orm.em.fork());
    const t = Date.parse('2026-04-01T10:00:00Z');
    await writeUsageBatch(orm, [
      usageRecord({
        userId: user.id,
        tokenId: token.id,
        channelId: channel.id,
        time: t,
        model: 'm1',
        quota: '9007199254740993',
        latencyMs: 100,
        promptTokens: 1,
        completionTokens: 2,
      }),
      usageRecord({
        userId: user.id,
        tokenId: token.id,
        channelId: channel.id,
        time: t + 3_600_000,
        model: 'm1',
        quota: '7',
        latencyMs: 300,
        status: 'failed',
        promptTokens: 10,
        completionTokens: 20,
      }),
      usageRecord({
        userId: user.id,
        tokenId: token.id,
        channelId: null,
        time: t,
        model: 'm2',
        quota: '0',
        latencyMs: 50,
        status: 'failed',
      }),
    ]);
    const range = { from: '2026-04-01', to: '2026-04-01', timeZone: 'UTC', userId: user.id };
    const byDay = await stats.byDayAndModel(orm.em.fork(), admin, range);
    expect(byDay.find((r) => r.model === 'm1')).toMatchObject({
      day: '2026-04-01',
      requests: 2,
      errors: 1,
      promptTokens: 11n,
      completionTokens: 22n,
      quota: 9007199254741000n,
      avgLatencyMs: 200,
    });
    const byChannel = await stats.byChannel(orm.em.fork(), admin, range);
    expect(byChannel.map((c) => [c.channelId, c.requests])).toEqual([
      [channel.id, 2],
      [0, 1],
    ]);
    const top = await stats.topTokens(orm.em.fork(), admin, range, 5);
    expect(top[0]).toMatchObject({ tokenId: token.id, requests: 3, quota: 9007199254741000n });
    // A customer asking for someone else's statistics is refused.
    await expect(
      stats.byDayAndModel(orm.em.fork(), { id: user.id + 1000, role: 'user' }, range),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(stats.byChannel(orm.em.fork(), { id: user.id, role: 'user' }, range)).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
  });
});
