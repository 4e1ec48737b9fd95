import express from 'express';
import type { App } from '../../app.js';
import { AppError } from '../../common/errors.js';
import { hasRole } from '../../graphql/roles.js';
import { SESSION_COOKIE } from '../auth/auth.service.js';
import { exportRedemptionsCsv } from '../redemption/redemption.export.js';
import type { User } from '../user/user.entity.js';
import { exportUsageCsv } from './usage-log.export.js';

const STATUS: Record<string, number> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  BAD_USER_INPUT: 400,
  NOT_FOUND: 404,
};

/**
 * Downloads too large for a GraphQL reply, streamed: `GET /export/usage-logs.csv` (filter fields
 * as query parameters) and `GET /export/redemptions.csv` (admins). Same authentication as
 * /graphql: `Authorization: Bearer …` or the console's session cookie.
 */
export function exportRoutes(app: App): express.Router {
  const router = express.Router();
  const handle =
    (
      fn: (user: User, req: express.Request, res: express.Response) => Promise<void>,
      role: User['role'] = 'user',
    ) =>
    async (req: express.Request, res: express.Response) => {
      try {
        const user = await authenticate(app, req);
        if (!user) throw new AppError('UNAUTHENTICATED', 'Sign in first');
        if (!hasRole(user.role, role)) throw new AppError('FORBIDDEN', 'Your role does not allow this');
        await fn(user, req, res);
      } catch (err) {
        if (res.headersSent) {
          res.destroy(err as Error);
          return;
        }
        const code = err instanceof AppError ? err.code : 'INTERNAL_SERVER_ERROR';
        if (!(err instanceof AppError) && app.env.NODE_ENV !== 'test') console.error('[export]', err);
        res.status(STATUS[code] ?? 500).json({
          error: { code, message: err instanceof AppError ? err.message : 'Internal server error' },
        });
      }
    };
  router.get(
    '/export/usage-logs.csv',
    handle((user, req, res) => exportUsageCsv(app, user, req, res)),
  );
  router.get(
    '/export/redemptions.csv',
    handle((_user, req, res) => exportRedemptionsCsv(app, req, res), 'admin'),
  );
  return router;
}

async function authenticate(app: App, req: express.Request): Promise<User | null> {
  const auth = req.headers.authorization;
  let plain: string | undefined;
  if (auth?.startsWith('Bearer ')) plain = auth.slice(7).trim();
  else plain = readCookie(req.headers.cookie, SESSION_COOKIE);
  if (!plain) return null;
  const found = await app.services.auth.authenticate(app.orm.em.fork(), plain);
  return found?.user ?? null;
}

function readCookie(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return decodeURIComponent(part.slice(eq + 1).trim());
  }
  return undefined;
}
