import { toCsv } from '../../common/csv.js';
import { type RedisCommand, runCommands } from '../../common/redis.js';
import type { GraphqlContext } from '../../graphql/context.js';
import { Token } from './token.entity.js';
import type { TokenService } from './token.service.js';

type Ctx = Pick<GraphqlContext, 'em' | 'user' | 'ip' | 'app'>;

const MAX_ROWS = 100_000;
const COLUMNS = [
  'id',
  'userId',
  'username',
  'name',
  'keyPrefix',
  'status',
  'expiresAt',
  'unlimited',
  'remainQuota',
  'liveRemainQuota',
  'usedQuota',
  'models',
  'ipWhitelist',
  'group',
  'rpm',
  'tpm',
  'quotaReset',
  'resetAmount',
  'lastUsedAt',
  'createdAt',
] as const;

/**
 * Settings and balances of the tokens the caller may see (one user's, or all in scope). Keys
 * are not exported: only their hashes exist.
 */
export async function exportTokens(
  ctx: Ctx,
  service: TokenService,
  userId: number | null,
  format: 'csv' | 'json',
): Promise<string> {
  const where = service.scope(ctx, { userId });
  const rows: Record<(typeof COLUMNS)[number], unknown>[] = [];
  let lastId = 0;
  for (;;) {
    const batch = await ctx.em.find(
      Token,
      { $and: [where, { id: { $gt: lastId } }] },
      { orderBy: { id: 'asc' }, limit: 1000, populate: ['user'] },
    );
    if (!batch.length) break;
    const live = await liveQuotas(ctx, batch);
    for (const [i, t] of batch.entries()) {
      rows.push({
        id: t.id,
        userId: t.user.id,
        username: t.user.username,
        name: t.name,
        keyPrefix: t.keyPrefix,
        status: t.status,
        expiresAt: t.expiresAt,
        unlimited: t.unlimited,
        remainQuota: t.remainQuota.toString(),
        liveRemainQuota: live[i] ?? null,
        usedQuota: t.usedQuota.toString(),
        models: t.models,
        ipWhitelist: t.ipWhitelist,
        group: t.group ?? t.user.group,
        rpm: t.rpm,
        tpm: t.tpm,
        quotaReset: t.quotaReset,
        resetAmount: t.resetAmount.toString(),
        lastUsedAt: t.lastUsedAt,
        createdAt: t.createdAt,
      });
    }
    lastId = batch[batch.length - 1]!.id;
    ctx.em.clear();
    if (rows.length >= MAX_ROWS) break;
  }
  if (format === 'json') return JSON.stringify(rows);
  return toCsv(
    [...COLUMNS],
    rows.map((r) => COLUMNS.map((c) => r[c])),
  );
}

async function liveQuotas(ctx: Ctx, tokens: Token[]): Promise<(string | null)[]> {
  const { app } = ctx;
  const keys = tokens.map((t) => app.keys.tokenQuota(app.publisher.shard(t.user.id), t.id));
  const values = await runCommands(
    app.redis,
    keys.map((k): RedisCommand => ['GET', k]),
  );
  return tokens.map((t, i) => (t.unlimited ? null : ((values[i] as string | null) ?? null)));
}
