import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { expressMiddleware } from '@as-integrations/express5';
import cors from 'cors';
import express from 'express';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { App } from './app.js';
import { clientIp } from './common/client-ip.js';
import type { GraphqlContext } from './graphql/context.js';
import { makeFormatError } from './graphql/format-error.js';
import { complexityPlugin, depthLimitRule } from './graphql/limits.js';
import { getSchema } from './graphql/schema.js';
import { SESSION_COOKIE } from './modules/auth/auth.service.js';
import { mountSubscriptions } from './modules/channel-health/subscription-server.js';
import { exportRoutes } from './modules/usage-log/export.routes.js';

export interface RunningServer {
  url: string;
  port: number;
  httpServer: Server;
  close(): Promise<void>;
}

/** HTTP server: /graphql (Apollo + type-graphql) and /healthz. */
export async function startServer(
  app: App,
  port = app.env.API_PORT,
  host = app.env.API_HOST,
): Promise<RunningServer> {
  const schema = await getSchema();
  const production = app.env.NODE_ENV === 'production';
  const httpServer = createServer();
  const apollo = new ApolloServer<GraphqlContext>({
    schema,
    introspection: app.env.GRAPHQL_INTROSPECTION ?? !production,
    // Requires a non-simple content type or a custom header on every request, so a cross-site
    // form or <img> cannot ride on the session cookie (SameSite=Lax covers the rest).
    csrfPrevention: true,
    includeStacktraceInErrorResponses: !production,
    validationRules: [depthLimitRule(app.env.GRAPHQL_MAX_DEPTH)],
    formatError: makeFormatError(production, (err) => {
      if (app.env.NODE_ENV !== 'test') console.error('[graphql]', err);
    }),
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      complexityPlugin(schema, app.env.GRAPHQL_MAX_COMPLEXITY),
    ],
  });
  await apollo.start();

  const web = express();
  web.disable('x-powered-by');
  web.get('/healthz', async (_req, res) => {
    try {
      await app.orm.em.getConnection().execute('select 1');
      await app.redis.ping();
      res.json({ ok: true });
    } catch (err) {
      res.status(503).json({ ok: false, error: (err as Error).message });
    }
  });
  // CORS before the body parser, so preflights are answered.
  web.use(
    '/graphql',
    cors({ origin: app.env.CORS_ORIGINS.length ? app.env.CORS_ORIGINS : false, credentials: true }),
    express.json({ limit: '2mb' }),
    expressMiddleware(apollo, { context: ({ req, res }) => buildContext(app, req, res) }),
  );
  web.use(exportRoutes(app));
  httpServer.on('request', web);
  const closeSubscriptions = mountSubscriptions(app, schema, httpServer);
  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(port, host, () => resolve());
  });
  const actualPort = (httpServer.address() as AddressInfo).port;
  const shownHost = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host;
  return {
    url: `http://${shownHost}:${actualPort}/graphql`,
    port: actualPort,
    httpServer,
    close: async () => {
      // Open WebSockets would keep the HTTP drain waiting: close them first.
      await closeSubscriptions();
      await apollo.stop();
    },
  };
}

async function buildContext(app: App, req: express.Request, res: express.Response): Promise<GraphqlContext> {
  const em = app.orm.em.fork();
  const ip = clientIp(req.socket.remoteAddress, req.headers['x-forwarded-for'], app.trustedProxies);
  const ctx: GraphqlContext = { app, em, user: null, accessTokenId: null, viaCookie: false, ip, req, res };
  const auth = req.headers.authorization;
  let plain: string | undefined;
  if (auth?.startsWith('Bearer ')) plain = auth.slice(7).trim();
  else {
    plain = readCookie(req.headers.cookie, SESSION_COOKIE);
    ctx.viaCookie = plain !== undefined;
  }
  if (plain) {
    const found = await app.services.auth.authenticate(em, plain);
    if (found) {
      ctx.user = found.user;
      ctx.accessTokenId = found.token.id;
    }
  }
  return ctx;
}

function readCookie(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return decodeURIComponent(part.slice(eq + 1).trim());
  }
  return undefined;
}
