/**
 * The floor for any gateway on this machine, measured beside the relay: a bare Node proxy that
 * does only what the relay's hot path cannot skip — read the request, one Redis script call (the
 * reservation's round trip), one upstream exchange on a keep-alive undici connection, and the
 * reply passed back as it comes. No authentication, pricing, routing, usage record or metrics.
 * What the relay adds beyond this is its own work; what this adds over `direct` is the cost of
 * one more Node process and two more loopback hops here.
 * Usage: node floor-proxy.js PORT UPSTREAM_ORIGIN REDIS_URL
 */
import { createServer } from 'node:http';
import { Redis } from 'ioredis';
import { Agent } from 'undici';

const [port, upstreamOrigin, redisUrl] = process.argv.slice(2) as [string, string, string];
const redis = new Redis(redisUrl, { enableAutoPipelining: false });
redis.defineCommand('floorReserve', {
  numberOfKeys: 1,
  lua: "return redis.call('DECRBY', KEYS[1], ARGV[1])",
});
const reserve = (
  redis as unknown as { floorReserve(k: string, n: number): Promise<number> }
).floorReserve.bind(redis);
const agent = new Agent({ keepAliveTimeout: 30_000 });
const origin = new URL(upstreamOrigin).origin;

const server = createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => {
    reserve('floor:quota', 1).then(
      () =>
        agent.dispatch(
          {
            origin,
            path: req.url ?? '/',
            method: 'POST',
            headers: {
              'content-type': 'application/json',
              authorization: String(req.headers.authorization ?? ''),
            },
            body: chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks),
          },
          {
            onConnect() {},
            onHeaders(status: number, raw: Buffer[]) {
              const headers: Record<string, string> = {};
              for (let i = 0; i + 1 < raw.length; i += 2) {
                const name = raw[i]!.toString('latin1').toLowerCase();
                if (name === 'content-type' || name === 'content-length')
                  headers[name] = raw[i + 1]!.toString('latin1');
              }
              res.writeHead(status, headers);
              return true;
            },
            onData(chunk: Buffer) {
              res.write(chunk);
              return true;
            },
            onComplete() {
              res.end();
            },
            onError() {
              res.destroy();
            },
          },
        ),
      () => res.writeHead(503).end(),
    );
  });
});
server.on('connection', (socket) => socket.setNoDelay(true));
server.listen(Number(port), '127.0.0.1', () => console.log(`floor proxy on http://127.0.0.1:${port}`));
const stop = () => {
  server.close();
  redis.disconnect();
  void agent.close().then(() => process.exit(0));
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
