import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, waitForPort } from './ports.js';
import { ManagedProcess } from './processes.js';

/**
 * A redis-server of a test's own, on its own port and data folder, for fault tests that stop,
 * restart or empty Redis. The shared Redis on 6379 is never touched.
 */
export class PrivateRedis {
  private proc: ManagedProcess | null = null;

  private constructor(
    readonly port: number,
    readonly dir: string,
    private readonly appendOnly: boolean,
  ) {}

  static async start(opts: { appendOnly?: boolean } = {}): Promise<PrivateRedis> {
    const dir = mkdtempSync(join(tmpdir(), 'sb-redis-'));
    const redis = new PrivateRedis(await freePort(), dir, opts.appendOnly ?? false);
    await redis.start();
    return redis;
  }

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  get logFile(): string | undefined {
    return this.proc?.logFile;
  }

  /** Starts (or starts again, on the same port and data folder). */
  async start(): Promise<void> {
    if (this.proc?.running) return;
    this.proc = ManagedProcess.start({
      name: `redis-${this.port}`,
      command: 'redis-server',
      args: [
        '--port',
        String(this.port),
        '--bind',
        '127.0.0.1',
        '--dir',
        this.dir,
        '--save',
        '',
        '--appendonly',
        this.appendOnly ? 'yes' : 'no',
        '--maxmemory-policy',
        'noeviction',
      ],
      logDir: this.dir,
    });
    await waitForPort(this.port, '127.0.0.1', 15_000);
  }

  /** Stops the server (SIGTERM: with append-only on, nothing acknowledged is lost). */
  async stop(): Promise<void> {
    await this.proc?.stop(5_000);
  }

  /** Stops and deletes the data folder. */
  async destroy(): Promise<void> {
    await this.stop();
    rmSync(this.dir, { recursive: true, force: true });
  }
}
