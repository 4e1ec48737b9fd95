import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { freePort, sleep, waitForPort } from './ports.js';
import { ManagedProcess } from './processes.js';

const run = promisify(execFile);

/**
 * A Redis Cluster of a test's own: three masters (no replicas) on free loopback ports, each in
 * its own data folder, with no persistence. The shared Redis on 6379 is never touched.
 */
export class PrivateRedisCluster {
  private readonly procs: ManagedProcess[] = [];

  private constructor(
    readonly ports: number[],
    readonly dir: string,
    /** With a password every node requires AUTH (also between nodes: masterauth). */
    readonly password: string | null,
  ) {}

  static async start(masters = 3, opts: { password?: string } = {}): Promise<PrivateRedisCluster> {
    const dir = mkdtempSync(join(tmpdir(), 'sb-redis-cluster-'));
    const ports: number[] = [];
    // freePort() closes its probe socket, so two calls may return the same port: keep distinct.
    while (ports.length < masters) {
      const port = await freePort();
      // Cluster bus port is port + 10000: it must be a valid port, too.
      if (!ports.includes(port) && port + 10_000 < 65_536) ports.push(port);
    }
    const cluster = new PrivateRedisCluster(ports, dir, opts.password ?? null);
    try {
      await cluster.boot();
    } catch (e) {
      await cluster.destroy();
      throw e;
    }
    return cluster;
  }

  /** `host:port,…` as REDIS_CLUSTER_NODES expects it. */
  get nodes(): string {
    return this.ports.map((p) => `127.0.0.1:${p}`).join(',');
  }

  /** A single node's URL (for settings that want one, e.g. REDIS_URL beside the node list). */
  get firstUrl(): string {
    const auth = this.password ? `:${encodeURIComponent(this.password)}@` : '';
    return `redis://${auth}127.0.0.1:${this.ports[0]}`;
  }

  get logFiles(): string[] {
    return this.procs.map((p) => p.logFile);
  }

  private async boot(): Promise<void> {
    for (const port of this.ports) {
      const nodeDir = join(this.dir, String(port));
      mkdirSync(nodeDir, { recursive: true });
      this.procs.push(
        ManagedProcess.start({
          name: `redis-cluster-${port}`,
          command: 'redis-server',
          args: [
            '--port',
            String(port),
            '--bind',
            '127.0.0.1',
            '--dir',
            nodeDir,
            '--cluster-enabled',
            'yes',
            '--cluster-config-file',
            'nodes.conf',
            '--cluster-node-timeout',
            '5000',
            '--save',
            '',
            '--appendonly',
            'no',
            '--maxmemory-policy',
            'noeviction',
            ...(this.password ? ['--requirepass', this.password, '--masterauth', this.password] : []),
          ],
          logDir: nodeDir,
        }),
      );
    }
    for (const port of this.ports) await waitForPort(port, '127.0.0.1', 15_000);
    await run(
      'redis-cli',
      [
        '--cluster',
        'create',
        ...this.ports.map((p) => `127.0.0.1:${p}`),
        '--cluster-replicas',
        '0',
        '--cluster-yes',
        ...this.authArgs(),
      ],
      { timeout: 30_000 },
    );
    await this.waitHealthy(30_000);
  }

  /** Resolves once every node reports `cluster_state:ok` (all slots assigned and agreed). */
  private async waitHealthy(timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const states = await Promise.all(
        this.ports.map(async (port) => {
          const { stdout } = await run('redis-cli', [
            '-p',
            String(port),
            ...this.authArgs(),
            'cluster',
            'info',
          ]).catch(() => ({
            stdout: '',
          }));
          return /cluster_state:ok/.test(stdout);
        }),
      );
      if (states.every(Boolean)) return;
      if (Date.now() > deadline)
        throw new Error(`Redis Cluster on ${this.nodes} not ok after ${timeoutMs} ms`);
      await sleep(200);
    }
  }

  /** redis-cli arguments for AUTH (`--no-auth-warning`: keep its output parseable). */
  private authArgs(): string[] {
    return this.password ? ['-a', this.password, '--no-auth-warning'] : [];
  }

  async stop(): Promise<void> {
    await Promise.all(this.procs.map((p) => p.stop(5_000)));
  }

  /** Stops every node and deletes their data folders. */
  async destroy(): Promise<void> {
    await this.stop();
    rmSync(this.dir, { recursive: true, force: true });
  }
}
