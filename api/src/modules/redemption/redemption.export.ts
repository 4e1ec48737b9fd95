import type { Request, Response } from 'express';
import { once } from 'node:events';
import type { App } from '../../app.js';
import { csvField } from '../usage-log/usage-log.export.js';
import { Redemption } from './redemption.entity.js';

/** All codes of a batch (or all), streamed as CSV: prefixes and state only — plain codes are not stored. */
export async function exportRedemptionsCsv(app: App, req: Request, res: Response): Promise<void> {
  const em = app.orm.em.fork();
  const where = app.services.redemptions.where({
    batchName: typeof req.query.batchName === 'string' ? req.query.batchName : null,
    status: typeof req.query.status === 'string' ? req.query.status : null,
  });
  res.setHeader('content-type', 'text/csv; charset=utf-8');
  res.setHeader('content-disposition', 'attachment; filename="redemptions.csv"');
  const write = async (line: string) => {
    if (!res.write(`${line}\r\n`)) await once(res, 'drain');
  };
  await write('id,code_prefix,batch,quota,status,redeemed_by,redeemed_at,expires_at,created_at');
  let lastId = 0;
  for (;;) {
    const rows = await em.find(
      Redemption,
      { ...where, id: { $gt: lastId } },
      { orderBy: { id: 'asc' }, limit: 2000 },
    );
    for (const r of rows) {
      await write(
        [
          r.id,
          r.codePrefix,
          r.batchName,
          r.quota,
          r.status,
          r.redeemedById,
          r.redeemedAt,
          r.expiresAt,
          r.createdAt,
        ]
          .map(csvField)
          .join(','),
      );
    }
    em.clear();
    if (rows.length < 2000) break;
    lastId = rows[rows.length - 1]!.id;
  }
  res.end();
}
