import type { GraphQLSchema } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import type { Server } from 'node:http';
import { WebSocketServer } from 'ws';
import type { App } from '../../app.js';
import { clientIp } from '../../common/client-ip.js';
import type { GraphqlContext } from '../../graphql/context.js';
import { makeFormatError } from '../../graphql/format-error.js';
import { SESSION_COOKIE } from '../auth/auth.service.js';

/**
 * graphql-ws on the HTTP server's /graphql path, with the same authentication as HTTP: a
 * bearer token in connectionParams (`{ authorization: "Bearer …" }`), or the console's session
 * cookie — accepted only from an allowed origin (CORS_ORIGINS), since browsers send cookies
 * on cross-site WebSocket handshakes too. Returns a function that closes every socket.
 */
export function mountSubscriptions(app: App, schema: GraphQLSchema, httpServer: Server): () => Promise<void> {
  const formatError = makeFormatError(app.env.NODE_ENV === 'production', (err) => {
    if (app.env.NODE_ENV !== 'test') console.error('[graphql-ws]', err);
  });
  const wss = new WebSocketServer({ server: httpServer, path: '/graphql' });
  const cleanup = useServer<Record<string, unknown> | undefined, { ctx?: GraphqlContext }>(
    {
      schema,
      context: async (ctx) => {
        ctx.extra.ctx ??= await buildContext(app, ctx.connectionParams, ctx.extra.request);
        // A fresh EntityManager per operation; the user stays that of the connection.
        return { ...ctx.extra.ctx, em: app.orm.em.fork() };
      },
      // Errors leave through the same boundary as on HTTP (extensions.code, no internals).
      onNext: (_ctx, _id, _payload, _args, result) =>
        result.errors?.length
          ? { ...result, errors: result.errors.map((e) => formatError(e.toJSON(), e)) }
          : result,
      onError: (_ctx, _id, _payload, errors) => errors.map((e) => formatError(e.toJSON(), e)) as never,
      onConnect: async (ctx) => {
        const built = await buildContext(app, ctx.connectionParams, ctx.extra.request);
        (ctx.extra as { ctx?: GraphqlContext }).ctx = built;
        return true;
      },
    },
    wss,
  );
  return async () => {
    await cleanup.dispose();
    await new Promise<void>((resolve) => wss.close(() => resolve()));
  };
}

async function buildContext(
  app: App,
  params: Record<string, unknown> | undefined,
  request: import('node:http').IncomingMessage,
): Promise<GraphqlContext> {
  const em = app.orm.em.fork();
  const ip = clientIp(request.socket.remoteAddress, request.headers['x-forwarded-for'], app.trustedProxies);
  const ctx = {
    app,
    em,
    user: null,
    accessTokenId: null,
    viaCookie: false,
    ip,
    req: request,
    res: undefined,
  } as unknown as GraphqlContext;
  const auth = params?.authorization ?? params?.Authorization;
  let plain: string | undefined;
  if (typeof auth === 'string' && auth.startsWith('Bearer ')) plain = auth.slice(7).trim();
  else if (typeof params?.token === 'string') plain = params.token;
  else {
    const origin = request.headers.origin;
    const sameOriginOrAllowed =
      !origin || app.env.CORS_ORIGINS.includes(origin) || hostOf(origin) === request.headers.host;
    if (sameOriginOrAllowed) {
      plain = readCookie(request.headers.cookie, SESSION_COOKIE);
      ctx.viaCookie = plain !== undefined;
    }
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

function hostOf(origin: string): string | null {
  try {
    return new URL(origin).host;
  } catch {
    return null;
  }
}
