import type { MikroORM, Transaction } from '@mikro-orm/core';
import type { UsageRecord } from '@switchboard/shared/usage';

/** 15 minutes: every IANA offset is a multiple of it, so days in any zone are unions of buckets. */
export const BUCKET_MS = 15 * 60_000;

/** What one batch changed in MySQL. */
export interface BatchResult {
  /** Rows inserted (records whose requestId was new). */
  inserted: number;
  /** Records skipped because their requestId was already written (replays). */
  duplicates: number;
}

type SqlConnection = {
  execute<T>(sql: string, params?: unknown[], method?: 'all' | 'get' | 'run', ctx?: Transaction): Promise<T>;
  transactional<T>(cb: (trx: Transaction) => Promise<T>): Promise<T>;
};

/** Thrown when a concurrent writer inserted some of our rows between our check and insert. */
export class ConcurrentWriteError extends Error {
  override name = 'ConcurrentWriteError';
}

const LOG_COLUMNS = [
  'request_id',
  'time',
  'user_id',
  'token_id',
  'channel_id',
  'endpoint',
  'model',
  'upstream_model',
  'group_name',
  'prompt_tokens',
  'completion_tokens',
  'cached_tokens',
  'cache_write_tokens',
  'reasoning_tokens',
  'quota',
  'latency_ms',
  'ttft_ms',
  'stream',
  'status',
  'http_status',
  'error_message',
  'client_ip',
  'usage_estimated',
  'attempts',
] as const;

const ROLLUP_SUMS = [
  'requests',
  'errors',
  'prompt_tokens',
  'completion_tokens',
  'cached_tokens',
  'cache_write_tokens',
  'reasoning_tokens',
  'quota',
  'latency_sum_ms',
] as const;

/**
 * Writes one batch of usage records in ONE transaction: the log rows (unique request id), and
 * only for rows that were really inserted, the user / token / channel counters and the
 * 15-minute roll-ups. A replay of records already written changes nothing.
 *
 * Fast path: INSERT IGNORE everything; when the affected row count equals the batch, every row
 * was new. Otherwise (a replay, or another api instance that reclaimed the same entries) the
 * transaction is rolled back and redone after reading which request ids exist; if even then the
 * count differs, someone inserted meanwhile ({@link ConcurrentWriteError}) and the caller retries.
 */
export async function writeUsageBatch(orm: MikroORM, records: UsageRecord[]): Promise<BatchResult> {
  const conn = orm.em.getConnection() as unknown as SqlConnection;
  // The same record may sit twice in a stream (a settlement retried after a lost reply).
  const unique = new Map<string, UsageRecord>();
  for (const r of records) if (!unique.has(r.requestId)) unique.set(r.requestId, r);
  const batch = [...unique.values()];
  if (!batch.length) return { inserted: 0, duplicates: records.length };
  try {
    const inserted = await conn.transactional((trx) => writeRows(conn, trx, batch, false));
    return { inserted, duplicates: records.length - inserted };
  } catch (err) {
    if (!(err instanceof ConcurrentWriteError)) throw err;
  }
  const inserted = await conn.transactional((trx) => writeRows(conn, trx, batch, true));
  return { inserted, duplicates: records.length - inserted };
}

async function writeRows(
  conn: SqlConnection,
  trx: Transaction,
  batch: UsageRecord[],
  skipExisting: boolean,
): Promise<number> {
  let fresh = batch;
  if (skipExisting) {
    const ids = batch.map((r) => r.requestId);
    const existing = await conn.execute<{ request_id: string }[]>(
      `SELECT request_id FROM usage_logs WHERE request_id IN (${placeholders(ids.length)})`,
      ids,
      'all',
      trx,
    );
    const seen = new Set(existing.map((row) => row.request_id));
    fresh = batch.filter((r) => !seen.has(r.requestId));
    if (!fresh.length) return 0;
  }
  const rowSql = `(${placeholders(LOG_COLUMNS.length)})`;
  const res = await conn.execute<{ affectedRows: number }>(
    `INSERT IGNORE INTO usage_logs (${LOG_COLUMNS.join(', ')}) VALUES ${fresh.map(() => rowSql).join(', ')}`,
    fresh.flatMap(logRow),
    'run',
    trx,
  );
  if (Number(res.affectedRows) !== fresh.length) {
    throw new ConcurrentWriteError(`inserted ${res.affectedRows} of ${fresh.length} usage rows`);
  }
  await applyCounters(conn, trx, fresh);
  return fresh.length;
}

async function applyCounters(conn: SqlConnection, trx: Transaction, rows: UsageRecord[]): Promise<void> {
  const users = new Map<number, { quota: bigint; requests: number }>();
  const tokens = new Map<number, { quota: bigint; lastUsed: number }>();
  const channels = new Map<number, bigint>();
  for (const r of rows) {
    const q = BigInt(r.quota);
    const u = users.get(r.userId) ?? { quota: 0n, requests: 0 };
    u.quota += q;
    u.requests += 1;
    users.set(r.userId, u);
    const t = tokens.get(r.tokenId) ?? { quota: 0n, lastUsed: 0 };
    t.quota += q;
    t.lastUsed = Math.max(t.lastUsed, r.time);
    tokens.set(r.tokenId, t);
    if (r.channelId !== null && q !== 0n) channels.set(r.channelId, (channels.get(r.channelId) ?? 0n) + q);
  }
  // One UPDATE … JOIN per table over a derived table of deltas (UNION ALL works on MySQL 8 and
  // MariaDB alike, unlike their different VALUES row constructors). Sorted ids keep the lock
  // order stable across instances.
  const userRows = [...users.entries()].sort((a, b) => a[0] - b[0]);
  await conn.execute(
    `UPDATE users u JOIN (${derived(userRows.length, { id: 'SIGNED', q: 'SIGNED', n: 'SIGNED' })}) d ON u.id = d.id
     SET u.quota = u.quota - d.q, u.used_quota = u.used_quota + d.q, u.request_count = u.request_count + d.n`,
    userRows.flatMap(([id, v]) => [id, v.quota.toString(), v.requests]),
    'run',
    trx,
  );
  const tokenRows = [...tokens.entries()].sort((a, b) => a[0] - b[0]);
  await conn.execute(
    `UPDATE tokens t JOIN (${derived(tokenRows.length, { id: 'SIGNED', q: 'SIGNED', at: 'DATETIME(3)' })}) d ON t.id = d.id
     SET t.remain_quota = IF(t.unlimited, t.remain_quota, t.remain_quota - d.q),
         t.used_quota = t.used_quota + d.q,
         t.last_used_at = IF(t.last_used_at IS NULL OR t.last_used_at < d.at, d.at, t.last_used_at)`,
    tokenRows.flatMap(([id, v]) => [id, v.quota.toString(), sqlTime(v.lastUsed)]),
    'run',
    trx,
  );
  // Channels are shared by every lane and instance: their row locks are taken last (after the
  // roll-ups), so they are held only for the moment before the commit.
  await upsertRollups(conn, trx, rows);
  if (channels.size) {
    const channelRows = [...channels.entries()].sort((a, b) => a[0] - b[0]);
    await conn.execute(
      `UPDATE channels c JOIN (${derived(channelRows.length, { id: 'SIGNED', q: 'SIGNED' })}) d ON c.id = d.id
       SET c.used_quota = c.used_quota + d.q`,
      channelRows.flatMap(([id, q]) => [id, q.toString()]),
      'run',
      trx,
    );
  }
}

async function upsertRollups(conn: SqlConnection, trx: Transaction, rows: UsageRecord[]): Promise<void> {
  const buckets = new Map<string, { key: [string, number, number, number, string]; sums: bigint[] }>();
  for (const r of rows) {
    const start = Math.floor(r.time / BUCKET_MS) * BUCKET_MS;
    const channelId = r.channelId ?? 0;
    const id = `${start}|${r.userId}|${r.tokenId}|${channelId}|${r.model}`;
    let b = buckets.get(id);
    if (!b) {
      b = {
        key: [sqlTime(start), r.userId, r.tokenId, channelId, clip(r.model, 191)],
        sums: ROLLUP_SUMS.map(() => 0n),
      };
      buckets.set(id, b);
    }
    const add = [
      1,
      isError(r) ? 1 : 0,
      r.promptTokens,
      r.completionTokens,
      r.cachedTokens,
      r.cacheWriteTokens,
      r.reasoningTokens,
      r.quota,
      r.latencyMs,
    ];
    add.forEach((v, i) => {
      b.sums[i]! += BigInt(v);
    });
  }
  const cols = ['bucket_start', 'user_id', 'token_id', 'channel_id', 'model', ...ROLLUP_SUMS];
  const rowSql = `(${placeholders(cols.length)})`;
  const list = [...buckets.values()];
  await conn.execute(
    `INSERT INTO usage_rollups (${cols.join(', ')}) VALUES ${list.map(() => rowSql).join(', ')}
     ON DUPLICATE KEY UPDATE ${ROLLUP_SUMS.map((c) => `${c} = ${c} + VALUES(${c})`).join(', ')}`,
    list.flatMap((b) => [...b.key, ...b.sums.map(String)]),
    'run',
    trx,
  );
}

/** Failed and partial requests count as errors; a client's own abort does not. */
export function isError(r: Pick<UsageRecord, 'status'>): boolean {
  return r.status === 'failed' || r.status === 'partial';
}

function logRow(r: UsageRecord): unknown[] {
  return [
    r.requestId,
    sqlTime(r.time),
    r.userId,
    r.tokenId,
    r.channelId,
    clip(r.endpoint, 64),
    clip(r.model, 191),
    r.upstreamModel === null ? null : clip(r.upstreamModel, 191),
    clip(r.group, 64),
    r.promptTokens,
    r.completionTokens,
    r.cachedTokens,
    r.cacheWriteTokens,
    r.reasoningTokens,
    r.quota,
    r.latencyMs,
    r.ttftMs,
    r.stream ? 1 : 0,
    r.status,
    r.httpStatus,
    r.errorMessage === null ? null : clip(r.errorMessage, 4000),
    r.clientIp === null ? null : clip(r.clientIp, 64),
    r.usageEstimated ? 1 : 0,
    r.attempts.length ? JSON.stringify(r.attempts) : null,
  ];
}

/** UTC 'YYYY-MM-DD HH:MM:SS.mmm' (the connection's time zone is UTC). */
export function sqlTime(ms: number): string {
  return new Date(ms).toISOString().slice(0, 23).replace('T', ' ');
}

function clip(s: string, max: number): string {
  return s.length > max ? s.slice(0, max) : s;
}

function placeholders(n: number): string {
  return new Array(n).fill('?').join(', ');
}

/**
 * `SELECT ? AS a, … UNION ALL SELECT ?, …` with typed columns: quota deltas arrive as decimal
 * strings and must stay exact 64-bit integers (an untyped string would be summed as a double).
 */
function derived(rows: number, columns: Record<string, 'SIGNED' | 'DATETIME(3)'>): string {
  const entries = Object.entries(columns);
  const first = `SELECT ${entries.map(([n, t]) => `CAST(? AS ${t}) AS ${n}`).join(', ')}`;
  const rest = `SELECT ${entries.map(([, t]) => `CAST(? AS ${t})`).join(', ')}`;
  return [first, ...new Array(Math.max(0, rows - 1)).fill(rest)].join(' UNION ALL ');
}
