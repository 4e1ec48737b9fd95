import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { GraphQLClient } from './graphql-client.js';
import { connectMysql, createDatabase } from './mysql.js';
import { freePort } from './ports.js';
import { ManagedProcess, waitForHttpOk } from './processes.js';

/** The repository root (this file is test/{src,dist}/support/stack.*). */
export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

export const ROOT_USERNAME = 'root';

export interface StackOptions {
  /** Start the relay pool (default true). */
  relay?: boolean;
  /** Relay worker count (default 2). */
  relayWorkers?: number;
  /** Start the web console too (default false). */
  web?: boolean;
  /** Overrides for every process (e.g. a private DATABASE_URL or REDIS_URL). */
  env?: Record<string, string>;
  apiEnv?: Record<string, string>;
  relayEnv?: Record<string, string>;
  /** Command prefix for the api / relay, e.g. ['taskset', '-c', '1'] to pin a core (benchmark). */
  apiWrap?: string[];
  relayWrap?: string[];
  /** Readiness timeout per process, ms. */
  readyTimeoutMs?: number;
}

/**
 * The real processes of Switchboard (api, relay pool, optionally the console), started from
 * their built entries on free ports, with their output in log files. Each stack gets a database
 * of its own beside the run's (dropped on stop) and a Redis prefix inside the run's (deleted by
 * the global teardown), so stacks of one run never see each other. Stop it in afterAll.
 */
export class Stack {
  readonly logDir: string;
  readonly rootPassword: string;
  readonly env: NodeJS.ProcessEnv;
  api!: ManagedProcess;
  relay: ManagedProcess | null = null;
  web: ManagedProcess | null = null;
  apiPort = 0;
  relayPort = 0;
  webPort = 0;

  /** Set when this stack created its database (dropped on stop). */
  private ownDatabase: { adminUrl: string; name: string } | null = null;

  private constructor(private readonly opts: StackOptions) {
    const id = randomBytes(3).toString('hex');
    this.logDir = join(tmpdir(), `sb-e2e-${process.env.SB_TEST_RUN_ID ?? 'local'}`, id);
    mkdirSync(this.logDir, { recursive: true });
    this.rootPassword = `root-${randomBytes(9).toString('base64url')}`;
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      ROOT_PASSWORD: this.rootPassword,
      LOG_LEVEL: process.env.LOG_LEVEL ?? 'info',
      REDIS_PREFIX: `${process.env.REDIS_PREFIX ?? 'sbt:local:'}${id}:`,
      ...opts.env,
    };
    if (!opts.env?.DATABASE_URL) {
      if (!process.env.DATABASE_URL) throw new Error('DATABASE_URL is not set (vitest global setup?)');
      const url = new URL(process.env.DATABASE_URL.replace(/^(mariadb|mysql):/, 'http:'));
      const name = `${url.pathname.slice(1)}_${id}`;
      const scheme = process.env.DATABASE_URL.split(':')[0];
      const adminUrl = `${scheme}://${url.username ? `${url.username}${url.password ? `:${url.password}` : ''}@` : ''}${url.host}`;
      this.ownDatabase = { adminUrl, name };
      env.DATABASE_URL = `${adminUrl}/${name}`;
    }
    this.env = env;
  }

  /** The stack's database (read what the api wrote with connectMysql(stack.databaseUrl)). */
  get databaseUrl(): string {
    return this.env.DATABASE_URL!;
  }

  get redisPrefix(): string {
    return this.env.REDIS_PREFIX!;
  }

  get redisUrl(): string {
    return this.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
  }

  static async start(opts: StackOptions = {}): Promise<Stack> {
    const stack = new Stack(opts);
    if (stack.ownDatabase) await createDatabase(stack.ownDatabase.adminUrl, stack.ownDatabase.name);
    try {
      await stack.startApi();
      if (opts.relay !== false) await stack.startRelay();
      if (opts.web) await stack.startWeb();
    } catch (e) {
      await stack.stop();
      throw e;
    }
    return stack;
  }

  get apiUrl(): string {
    return `http://127.0.0.1:${this.apiPort}`;
  }
  get graphqlUrl(): string {
    return `${this.apiUrl}/graphql`;
  }
  get relayUrl(): string {
    return `http://127.0.0.1:${this.relayPort}`;
  }
  /** Base URL for OpenAI SDK clients. */
  get relayV1(): string {
    return `${this.relayUrl}/v1`;
  }
  get webUrl(): string {
    return `http://127.0.0.1:${this.webPort}`;
  }

  async startApi(): Promise<void> {
    this.apiPort ||= await freePort();
    const wrap = this.opts.apiWrap ?? [];
    this.api = ManagedProcess.start({
      name: 'api',
      command: wrap[0] ?? process.execPath,
      args: [
        ...wrap.slice(1),
        ...(wrap.length ? [process.execPath] : []),
        join(repoRoot, 'api/dist/main.js'),
      ],
      cwd: repoRoot,
      env: { ...this.env, API_PORT: String(this.apiPort), ...this.opts.apiEnv },
      logDir: this.logDir,
    });
    await this.waitReady(this.api, this.apiUrl);
  }

  async startRelay(extraEnv: Record<string, string> = {}): Promise<void> {
    this.relayPort ||= await freePort();
    const wrap = this.opts.relayWrap ?? [];
    this.relay = ManagedProcess.start({
      name: 'relay',
      command: wrap[0] ?? process.execPath,
      args: [
        ...wrap.slice(1),
        ...(wrap.length ? [process.execPath] : []),
        join(repoRoot, 'relay/dist/main.js'),
      ],
      cwd: repoRoot,
      env: {
        ...this.env,
        RELAY_PORT: String(this.relayPort),
        RELAY_WORKERS: String(this.opts.relayWorkers ?? 2),
        ...this.opts.relayEnv,
        ...extraEnv,
      },
      logDir: this.logDir,
    });
    await this.waitReady(this.relay, this.relayUrl);
  }

  async startWeb(): Promise<void> {
    this.webPort ||= await freePort();
    const entry = webEntry();
    this.web = ManagedProcess.start({
      name: 'web',
      command: process.execPath,
      args: [entry],
      cwd: join(repoRoot, 'web'),
      env: {
        ...this.env,
        WEB_PORT: String(this.webPort),
        API_URL: this.apiUrl,
        RELAY_URL: this.relayPort ? this.relayUrl : 'http://127.0.0.1:9',
        WEB_HOST: '127.0.0.1',
        NEXT_TELEMETRY_DISABLED: '1',
        NODE_ENV: 'production',
      },
      logDir: this.logDir,
    });
    await waitForHttpOk(`${this.webUrl}/healthz`, this.web, this.opts.readyTimeoutMs ?? 90_000).catch(() =>
      waitForHttpOk(this.webUrl, this.web, 30_000),
    );
  }

  /** SIGTERM the relay primary and wait for it to finish (graceful drain). */
  async stopRelay(graceMs = 20_000): Promise<void> {
    await this.relay?.stop(graceMs);
  }

  async restartRelay(extraEnv: Record<string, string> = {}): Promise<void> {
    await this.stopRelay();
    await this.startRelay(extraEnv);
  }

  async restartApi(): Promise<void> {
    await this.api.stop(20_000);
    await this.startApi();
  }

  /** A GraphQL client logged in as root. */
  async rootClient(): Promise<GraphQLClient> {
    const client = new GraphQLClient(this.graphqlUrl);
    await client.login(ROOT_USERNAME, this.rootPassword);
    return client;
  }

  /** Where to look when a test fails. */
  describeLogs(lines = 40): string {
    return [this.api, this.relay, this.web]
      .filter((p): p is ManagedProcess => p !== null && p !== undefined)
      .map((p) => `--- ${p.name} (${p.logFile}) ---\n${p.logTail(lines)}`)
      .join('\n');
  }

  /** Stops console, relay and api (in that order: the api drains what the relay left). */
  async stop(): Promise<void> {
    await this.web?.stop(10_000);
    await this.relay?.stop(20_000);
    await this.api?.stop(20_000);
    if (this.ownDatabase && !process.env.KEEP_TEST_DB) {
      const conn = await connectMysql(this.ownDatabase.adminUrl);
      await conn.query(`DROP DATABASE IF EXISTS \`${this.ownDatabase.name}\``);
      await conn.end();
      this.ownDatabase = null;
    }
  }

  private async waitReady(proc: ManagedProcess, base: string): Promise<void> {
    const timeout = this.opts.readyTimeoutMs ?? 60_000;
    await waitForHttpOk(`${base}/healthz`, proc, timeout);
    // /readyz where the process has one (config loaded, Redis up); 404 means it has none.
    const probe = await fetch(`${base}/readyz`).catch(() => null);
    await probe?.arrayBuffer();
    if (probe?.status !== 404) await waitForHttpOk(`${base}/readyz`, proc, timeout);
  }
}

/** The console's production server entry (custom server on WEB_PORT). */
export function webEntry(): string {
  for (const candidate of ['web/dist/server.js', 'web/server.js', 'web/server.mjs']) {
    const path = join(repoRoot, candidate);
    if (existsSync(path)) return path;
  }
  throw new Error('web server entry not found (build web first)');
}
