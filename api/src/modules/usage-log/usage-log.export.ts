import type { Request, Response } from 'express';
import { once } from 'node:events';
import type { App } from '../../app.js';
import { AppError } from '../../common/errors.js';
import type { User } from '../user/user.entity.js';
import type { UsageLogFilter } from './usage-log.input.js';
import { scopeWhere, UsageLogService } from './usage-log.service.js';

const PAGE = 2000;
const COLUMNS = [
  'time',
  'request_id',
  'user_id',
  'token_id',
  'channel_id',
  'endpoint',
  'model',
  'upstream_model',
  'group',
  'status',
  'http_status',
  'prompt_tokens',
  'completion_tokens',
  'cached_tokens',
  'reasoning_tokens',
  'quota',
  'latency_ms',
  'ttft_ms',
  'stream',
  'client_ip',
  'attempts',
] as const;

/** RFC 4180 field; a leading =,+,-,@ is prefixed with ' so spreadsheets do not run it as a formula. */
export function csvField(value: unknown): string {
  if (value === null || value === undefined) return '';
  let s = value instanceof Date ? value.toISOString() : String(value);
  if (/^[=+\-@\t\r]/.test(s) && !/^-?\d+(\.\d+)?$/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function parseExportFilter(q: Record<string, unknown>): UsageLogFilter {
  const str = (k: string) => (typeof q[k] === 'string' && q[k] !== '' ? (q[k] as string) : null);
  const int = (k: string) => {
    const v = str(k);
    if (v === null) return null;
    if (!/^\d{1,10}$/.test(v)) throw new AppError('BAD_USER_INPUT', `${k} must be an integer`, k);
    return Number(v);
  };
  const date = (k: string) => {
    const v = str(k);
    if (v === null) return null;
    const d = new Date(v);
    if (Number.isNaN(d.getTime())) throw new AppError('BAD_USER_INPUT', `${k} must be an ISO date`, k);
    return d;
  };
  return {
    from: date('from'),
    to: date('to'),
    userId: int('userId'),
    tokenId: int('tokenId'),
    channelId: int('channelId'),
    model: str('model'),
    status: str('status'),
    requestId: str('requestId'),
  };
}

/**
 * Streams the filtered usage logs as CSV, page by page with keyset cursors (never the whole set
 * in memory), honouring backpressure; the last line is a totals row.
 */
export async function exportUsageCsv(app: App, user: User, req: Request, res: Response): Promise<void> {
  const em = app.orm.em.fork();
  const service = new UsageLogService();
  const where = await scopeWhere(em, user, parseExportFilter(req.query as Record<string, unknown>));
  res.status(200);
  res.setHeader('content-type', 'text/csv; charset=utf-8');
  res.setHeader(
    'content-disposition',
    `attachment; filename="usage-logs-${new Date().toISOString().slice(0, 10)}.csv"`,
  );
  res.setHeader('cache-control', 'no-store');
  const write = async (line: string) => {
    if (!res.write(`${line}\r\n`)) await once(res, 'drain');
  };
  await write(COLUMNS.join(','));
  const totals = { requests: 0, prompt: 0n, completion: 0n, cached: 0n, reasoning: 0n, quota: 0n };
  let after = null;
  for (;;) {
    if (res.destroyed) return;
    const rows = await service.rows(em, where, after, PAGE);
    for (const r of rows) {
      totals.requests++;
      totals.prompt += BigInt(r.promptTokens);
      totals.completion += BigInt(r.completionTokens);
      totals.cached += BigInt(r.cachedTokens);
      totals.reasoning += BigInt(r.reasoningTokens);
      totals.quota += BigInt(r.quota);
      const fields = [
        r.time,
        r.requestId,
        r.userId,
        r.tokenId,
        r.channelId,
        r.endpoint,
        r.model,
        r.upstreamModel,
        r.group,
        r.status,
        r.httpStatus,
        r.promptTokens,
        r.completionTokens,
        r.cachedTokens,
        r.reasoningTokens,
        r.quota,
        r.latencyMs,
        r.ttftMs,
        r.stream,
        r.clientIp,
        r.attempts?.length ? JSON.stringify(r.attempts) : '',
      ];
      await write(fields.map(csvField).join(','));
    }
    em.clear();
    if (rows.length < PAGE) break;
    const last = rows[rows.length - 1]!;
    after = { time: last.time, id: last.id };
  }
  const total = COLUMNS.map(() => '');
  total[0] = 'TOTAL';
  total[1] = `${totals.requests} requests`;
  total[11] = totals.prompt.toString();
  total[12] = totals.completion.toString();
  total[13] = totals.cached.toString();
  total[14] = totals.reasoning.toString();
  total[15] = totals.quota.toString();
  await write(total.join(','));
  res.end();
}
