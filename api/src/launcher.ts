/**
 * `pnpm start`: runs the whole system on one machine for development and demos.
 * Checks that MySQL/MariaDB and Redis answer (with the commands to start them when not),
 * creates the database if missing, runs the migrations, then starts the api, the relay pool
 * and the console as child processes, prints where they listen (and, on first start, the
 * root credentials the api prints), and forwards SIGINT/SIGTERM to them.
 * Production deployments run each process on its own (docker-compose.yml, docs/deployment.md).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { MikroORM, type Options } from '@mikro-orm/core';
import { MariaDbDriver } from '@mikro-orm/mariadb';
import { MySqlDriver } from '@mikro-orm/mysql';
import { Redis } from 'ioredis';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const SECRET_FILE = join(root, '.switchboard-secret');

const HINTS = {
  mysql: [
    'Start MariaDB (this machine):   start-stop-daemon --start --oknodo --background --exec /usr/sbin/mariadbd',
    'or MySQL 8 with Docker:         docker compose up -d mysql   (then DATABASE_URL=mysql://root:…@127.0.0.1:3306/switchboard)',
  ],
  redis: [
    'Start Redis (this machine):     redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --appendonly yes',
    'or with Docker:                 docker compose up -d redis',
  ],
};

interface Child {
  name: string;
  proc: ChildProcess;
}

const children: Child[] = [];
let stopping = false;

function say(line: string): void {
  process.stdout.write(`[launcher] ${line}\n`);
}

function fail(message: string, hints: string[] = []): never {
  process.stderr.write(`\n[launcher] ${message}\n`);
  for (const h of hints) process.stderr.write(`  ${h}\n`);
  process.stderr.write('\n');
  process.exit(1);
}

/** SECRET_KEY: from the environment, else from .switchboard-secret, else generated once into it. */
function secretKey(): string {
  if (process.env.SECRET_KEY) return process.env.SECRET_KEY;
  if (existsSync(SECRET_FILE)) return readFileSync(SECRET_FILE, 'utf8').trim();
  const secret = randomBytes(32).toString('hex');
  writeFileSync(SECRET_FILE, `${secret}\n`, { mode: 0o600 });
  say(`WARNING: SECRET_KEY is not set; generated one and saved it to ${SECRET_FILE}.`);
  say('         Keep that file (channel keys are encrypted with it); set SECRET_KEY in production.');
  return secret;
}

async function checkRedis(url: string): Promise<void> {
  const redis = new Redis(url, {
    lazyConnect: true,
    connectTimeout: 3_000,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
  });
  let cause = '';
  redis.on('error', (e) => {
    cause = e.message;
  });
  try {
    await redis.connect();
    await redis.ping();
  } catch (e) {
    fail(`Redis does not answer at ${url} (${cause || (e as Error).message}).`, HINTS.redis);
  } finally {
    redis.disconnect();
  }
}

/** Connects to the server (not the database, which may not exist yet) and creates the database. */
async function ensureDatabase(databaseUrl: string): Promise<void> {
  const url = new URL(databaseUrl);
  const scheme = url.protocol.replace(':', '');
  if (scheme !== 'mysql' && scheme !== 'mariadb') fail('DATABASE_URL must start with mysql:// or mariadb://');
  const dbName = decodeURIComponent(url.pathname.replace(/^\//, '')) || 'switchboard';
  let orm: MikroORM;
  try {
    orm = await MikroORM.init({
      driver: scheme === 'mariadb' ? MariaDbDriver : MySqlDriver,
      host: url.hostname || '127.0.0.1',
      port: Number(url.port || 3306),
      user: decodeURIComponent(url.username || 'root'),
      password: decodeURIComponent(url.password || ''),
      dbName: 'mysql',
      entities: [],
      discovery: { warnWhenNoEntities: false },
      pool: { min: 0, max: 1 },
      debug: false,
    } as Options);
  } catch (e) {
    fail(`MySQL/MariaDB does not answer at ${url.host} (${(e as Error).message}).`, HINTS.mysql);
  }
  try {
    await orm.em
      .getConnection()
      .execute(
        `CREATE DATABASE IF NOT EXISTS \`${dbName.replace(/`/g, '')}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`,
      );
  } catch (e) {
    fail(`Could not create database ${dbName}: ${(e as Error).message}`);
  } finally {
    await orm.close();
  }
}

/** Runs a node script to completion with the launcher's output prefixing. */
function runToEnd(name: string, script: string, env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((done) => {
    const proc = spawn(process.execPath, [script], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
    prefixLines(name, proc);
    proc.on('exit', (code) => done(code ?? 1));
  });
}

const rootCredentialLines: string[] = [];

function prefixLines(name: string, proc: ChildProcess): void {
  for (const [stream, out] of [
    [proc.stdout, process.stdout],
    [proc.stderr, process.stderr],
  ] as const) {
    if (!stream) continue;
    // The api prints the generated root password once (a heading line, the password on the
    // next line, then a note); keep that block to repeat it in the summary.
    let capture = 0;
    createInterface({ input: stream }).on('line', (line) => {
      if (name === 'api' && capture === 0 && /root/i.test(line) && /password/i.test(line)) capture = 3;
      if (capture > 0 && line.trim()) {
        rootCredentialLines.push(line);
        capture--;
      }
      // Some processes prefix their own lines already.
      out.write(line.startsWith(`[${name}]`) ? `${line}\n` : `[${name}] ${line}\n`);
    });
  }
}

function startChild(name: string, script: string, env: NodeJS.ProcessEnv, cwd = root): Child {
  if (!existsSync(script)) fail(`${script} not found: run \`pnpm build\` first (pnpm start does).`);
  const proc = spawn(process.execPath, [script], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
  prefixLines(name, proc);
  const child = { name, proc };
  children.push(child);
  proc.on('exit', (code, signal) => {
    if (stopping) return;
    say(`${name} exited (code ${code}, signal ${signal}); stopping everything.`);
    void shutdown(1);
  });
  return child;
}

async function waitHealthy(name: string, url: string, timeoutMs = 90_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (stopping) return;
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(2_000) });
      await res.arrayBuffer();
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  say(`${name} did not become ready at ${url} within ${timeoutMs / 1000} s.`);
  await shutdown(1);
}

async function shutdown(code: number): Promise<void> {
  if (stopping) return;
  stopping = true;
  // Relay first (its workers drain streams and settle), then console, then api (which writes
  // the usage the relay left in Redis).
  const order = ['relay', 'web', 'api'];
  for (const name of order) {
    const child = children.find((c) => c.name === name);
    if (!child || child.proc.exitCode !== null || child.proc.signalCode !== null) continue;
    const exited = new Promise<void>((r) => child.proc.once('exit', () => r()));
    child.proc.kill('SIGTERM');
    const timer = setTimeout(() => child.proc.kill('SIGKILL'), 20_000);
    await exited;
    clearTimeout(timer);
  }
  process.exit(code);
}

function webEntry(): string | null {
  for (const candidate of ['web/dist/server.js', 'web/server.js', 'web/server.mjs']) {
    const path = join(root, candidate);
    if (existsSync(path)) return path;
  }
  return null;
}

async function main(): Promise<void> {
  // An empty value means "unset" here (shells and compose files pass empty strings around).
  for (const [k, v] of Object.entries(process.env)) if (v === '') delete process.env[k];
  const apiPort = process.env.API_PORT ?? '4000';
  const relayPort = process.env.RELAY_PORT ?? '3000';
  const webPort = process.env.WEB_PORT ?? '3001';
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: process.env.NODE_ENV ?? 'production',
    DATABASE_URL: process.env.DATABASE_URL ?? 'mariadb://root@127.0.0.1:3306/switchboard',
    REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
    SECRET_KEY: secretKey(),
    API_PORT: apiPort,
    RELAY_PORT: relayPort,
    WEB_PORT: webPort,
    // Where the console's server proxies /graphql and /v1 to.
    API_URL: process.env.API_URL ?? `http://127.0.0.1:${apiPort}`,
    RELAY_URL: process.env.RELAY_URL ?? `http://127.0.0.1:${relayPort}`,
    CORS_ORIGINS: process.env.CORS_ORIGINS ?? `http://localhost:${webPort},http://127.0.0.1:${webPort}`,
    NEXT_TELEMETRY_DISABLED: '1',
  };

  process.on('SIGINT', () => void shutdown(0));
  process.on('SIGTERM', () => void shutdown(0));

  await checkRedis(env.REDIS_URL!);
  await ensureDatabase(env.DATABASE_URL!);

  const migrate = join(root, 'api/dist/cli/migrate.js');
  if (existsSync(migrate)) {
    say('running migrations');
    const code = await runToEnd('migrate', migrate, env);
    if (code !== 0) fail(`migrations failed (exit ${code}); see the output above.`);
  }

  startChild('api', join(root, 'api/dist/main.js'), env);
  await waitHealthy('api', `http://127.0.0.1:${apiPort}/healthz`);
  startChild('relay', join(root, 'relay/dist/main.js'), env);
  const web = webEntry();
  if (web) startChild('web', web, env, join(root, 'web'));
  await waitHealthy('relay', `http://127.0.0.1:${relayPort}/healthz`);
  if (web) await waitHealthy('web', `http://127.0.0.1:${webPort}/`);
  if (stopping) return;

  const lines = [
    '',
    'Switchboard is running:',
    `  console   http://localhost:${webPort}${web ? '' : '   (not built)'}`,
    `  GraphQL   http://localhost:${apiPort}/graphql`,
    `  relay     http://localhost:${relayPort}/v1   (OpenAI-compatible; ${env.RELAY_WORKERS ? `${env.RELAY_WORKERS} workers` : 'one worker per core'})`,
    ...(rootCredentialLines.length
      ? [
          '',
          '  first start — root credentials (shown once):',
          ...rootCredentialLines.map((l) => `    ${l.trim()}`),
        ]
      : []),
    '',
    'Ctrl-C stops everything.',
    '',
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}

main().catch((e) => fail((e as Error).stack ?? String(e)));
