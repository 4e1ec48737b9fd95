// The console's production server: Next.js plus a same-origin proxy for /graphql (HTTP and the
// graphql-ws WebSocket) and /v1/* (the playground's relay calls). Upstream addresses are read
// here at run time, so one build works in any deployment and the session cookie stays first-party.
import http from 'node:http';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import next from 'next';
import { backwardHeaders, forwardHeaders, originAllowed, upstreamFor } from './proxy-helpers.mjs';

const dir = dirname(fileURLToPath(import.meta.url));
const dev = process.argv.includes('--dev');
const port = Number(process.env.WEB_PORT ?? 3001);
const hostname = process.env.WEB_HOST ?? '0.0.0.0';
const upstreams = {
  api: new URL(process.env.API_URL ?? 'http://127.0.0.1:4000'),
  relay: new URL(process.env.RELAY_URL ?? 'http://127.0.0.1:3000'),
};
const allowedOrigins = (process.env.ALLOWED_ORIGINS ?? '')
  .split(',')
  .map((o) => o.trim())
  .filter(Boolean);
process.env.NEXT_TELEMETRY_DISABLED = '1';
// Server components reach the api directly; they read this, not a build-time value.
process.env.API_URL = upstreams.api.origin;

const app = next({ dev, dir, hostname, port });
const handle = app.getRequestHandler();
await app.prepare();
const nextUpgrade = app.getUpgradeHandler();

function target(kind, url) {
  const base = upstreams[kind];
  return { protocol: base.protocol, hostname: base.hostname, port: base.port, path: url };
}

/** Streams both ways without buffering: SSE from the relay reaches the browser chunk by chunk. */
function proxyHttp(kind, req, res) {
  const upstream = http.request(
    {
      ...target(kind, req.url),
      method: req.method,
      headers: forwardHeaders(req.headers, {
        remoteAddress: req.socket.remoteAddress,
        encrypted: Boolean(req.socket.encrypted),
      }),
    },
    (up) => {
      const headers = backwardHeaders(up.headers);
      headers['x-accel-buffering'] = 'no';
      res.writeHead(up.statusCode ?? 502, headers);
      res.flushHeaders();
      up.pipe(res);
    },
  );
  upstream.on('error', (err) => {
    if (res.headersSent) return res.destroy(err);
    const body =
      kind === 'api'
        ? { errors: [{ message: 'The API is unreachable', extensions: { code: 'API_UNREACHABLE' } }] }
        : { error: { message: 'The relay is unreachable', type: 'server_error', code: 'relay_unreachable' } };
    res.writeHead(502, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
  });
  // A client that goes away mid-stream cancels the upstream request (and the relay settles it).
  res.on('close', () => {
    if (!res.writableFinished) upstream.destroy();
  });
  req.pipe(upstream);
}

function proxyUpgrade(req, socket, head) {
  const host = String(req.headers['x-forwarded-host'] ?? req.headers.host ?? '');
  if (!originAllowed(req.headers.origin, host, allowedOrigins)) {
    socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\n\r\n');
    return;
  }
  const upstream = http.request({
    ...target('api', req.url),
    method: 'GET',
    headers: {
      ...forwardHeaders(req.headers, { remoteAddress: req.socket.remoteAddress, keepUpgrade: true }),
      // The original Host, as reverse proxies forward it: the api accepts the session cookie on a
      // WebSocket only when Origin matches Host (we checked Origin above against the same Host).
      host: req.headers.host ?? '',
    },
  });
  upstream.on('upgrade', (up, upSocket, upHead) => {
    const lines = [`HTTP/1.1 ${up.statusCode} ${up.statusMessage}`];
    for (let i = 0; i < up.rawHeaders.length; i += 2)
      lines.push(`${up.rawHeaders[i]}: ${up.rawHeaders[i + 1]}`);
    socket.write(`${lines.join('\r\n')}\r\n\r\n`);
    if (upHead.length) socket.write(upHead);
    if (head.length) upSocket.write(head);
    upSocket.pipe(socket).pipe(upSocket);
    upSocket.on('error', () => socket.destroy());
    socket.on('error', () => upSocket.destroy());
  });
  upstream.on('response', (up) => {
    // The api refused the upgrade: pass its answer on and close.
    socket.end(`HTTP/1.1 ${up.statusCode} ${up.statusMessage}\r\nConnection: close\r\n\r\n`);
  });
  upstream.on('error', () => socket.end('HTTP/1.1 502 Bad Gateway\r\nConnection: close\r\n\r\n'));
  upstream.end();
}

const server = http.createServer((req, res) => {
  const pathname = (req.url ?? '/').split('?')[0];
  if (pathname === '/healthz') {
    res.writeHead(200, { 'content-type': 'text/plain' });
    res.end('ok');
    return;
  }
  const kind = upstreamFor(pathname);
  if (kind) return proxyHttp(kind, req, res);
  handle(req, res);
});

server.on('upgrade', (req, socket, head) => {
  const pathname = (req.url ?? '/').split('?')[0];
  if (upstreamFor(pathname) === 'api') return proxyUpgrade(req, socket, head);
  if (dev) return nextUpgrade(req, socket, head);
  socket.destroy();
});

server.listen(port, hostname, () => {
  console.log(
    `console on http://${hostname}:${port} (api ${upstreams.api.origin}, relay ${upstreams.relay.origin})`,
  );
});

function shutdown() {
  server.close(() => process.exit(0));
  setTimeout(() => process.exit(0), 5000).unref();
}
process.on('SIGTERM', shutdown);
process.on('SIGINT', shutdown);
