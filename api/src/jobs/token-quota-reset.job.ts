import type { App } from '../app.js';
import { Token } from '../modules/token/token.entity.js';

/** Start of the current period (UTC) for a reset schedule. */
export function periodStart(kind: 'daily' | 'monthly', now: Date): Date {
  return kind === 'daily'
    ? new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()))
    : new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
}

/**
 * Daily / monthly token quota resets: every limited token whose last reset lies before the
 * current period (UTC days and months) gets `remainQuota = resetAmount`, in MySQL and in the
 * relay's Redis key. Idempotent within a period (lastResetAt moves into it), so running the job
 * every few minutes and on several instances is safe. Returns how many tokens were reset.
 */
export async function resetTokenQuotas(app: App, now = new Date()): Promise<number> {
  let count = 0;
  for (const kind of ['daily', 'monthly'] as const) {
    const start = periodStart(kind, now);
    let lastId = 0;
    for (;;) {
      const em = app.orm.em.fork();
      const due = await em.find(
        Token,
        {
          id: { $gt: lastId },
          quotaReset: kind,
          unlimited: false,
          $or: [{ lastResetAt: null }, { lastResetAt: { $lt: start } }],
        },
        { orderBy: { id: 'asc' }, limit: 500 },
      );
      if (!due.length) break;
      for (const t of due) {
        // Conditional update: another instance running the same job resets each token once.
        const changed = await em.nativeUpdate(
          Token,
          { id: t.id, $or: [{ lastResetAt: null }, { lastResetAt: { $lt: start } }] },
          { remainQuota: t.resetAmount, lastResetAt: now },
        );
        if (!changed) continue;
        await app.publisher.setTokenQuota(t.user.id, t.id, t.resetAmount);
        count++;
      }
      lastId = due[due.length - 1]!.id;
    }
  }
  return count;
}
