import type { App } from '../app.js';

const CHUNK = 5000;

/**
 * Deletes usage-log rows older than LOG_RETENTION_DAYS (0 = keep forever) in chunks of 5,000
 * (short transactions: the usage writer keeps inserting meanwhile). Roll-ups are kept, so
 * statistics still cover the pruned range. Returns the number of rows deleted.
 */
export async function pruneUsageLogs(
  app: App,
  now = Date.now(),
  days = app.env.LOG_RETENTION_DAYS,
): Promise<number> {
  if (days <= 0) return 0;
  const cutoff = new Date(now - days * 86_400_000);
  const conn = app.orm.em.getConnection();
  let total = 0;
  for (;;) {
    const res = await conn.execute<{ affectedRows: number }>(
      'DELETE FROM usage_logs WHERE time < ? ORDER BY time LIMIT ?',
      [cutoff, CHUNK],
      'run',
    );
    const n = Number(res.affectedRows);
    total += n;
    if (n < CHUNK) return total;
  }
}
