import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { freePort, waitForPort } from './ports.js';
import { ManagedProcess } from './processes.js';

const run = promisify(execFile);

/**
 * A mariadbd of a test's own: fresh data folder (mariadb-install-db), own port, root without a
 * password on 127.0.0.1. For fault tests that stop the database during traffic and start it
 * again; the shared server on 3306 is never touched.
 */
export class PrivateMariaDb {
  private proc: ManagedProcess | null = null;

  private constructor(
    readonly port: number,
    readonly dir: string,
  ) {}

  static async start(): Promise<PrivateMariaDb> {
    const dir = mkdtempSync(join(tmpdir(), 'sb-mariadb-'));
    const db = new PrivateMariaDb(await freePort(), dir);
    await run(
      'mariadb-install-db',
      [
        '--no-defaults',
        `--datadir=${join(dir, 'data')}`,
        '--auth-root-authentication-method=normal',
        '--skip-test-db',
        '--user=root',
      ],
      { timeout: 120_000 },
    );
    await db.start();
    return db;
  }

  /** Admin URL without a database (mariadb:// scheme, as the shared one). */
  get adminUrl(): string {
    return `mariadb://root@127.0.0.1:${this.port}`;
  }

  url(database: string): string {
    return `${this.adminUrl}/${database}`;
  }

  /** Starts (or starts again, on the same data folder and port). */
  async start(): Promise<void> {
    if (this.proc?.running) return;
    this.proc = ManagedProcess.start({
      name: `mariadb-${this.port}`,
      command: '/usr/sbin/mariadbd',
      args: [
        '--no-defaults',
        `--datadir=${join(this.dir, 'data')}`,
        `--port=${this.port}`,
        '--bind-address=127.0.0.1',
        `--socket=${join(this.dir, 'mysqld.sock')}`,
        `--pid-file=${join(this.dir, 'mysqld.pid')}`,
        '--user=root',
        '--skip-log-bin',
        '--innodb-buffer-pool-size=64M',
        '--max-connections=200',
      ],
      logDir: this.dir,
    });
    await waitForPort(this.port, '127.0.0.1', 60_000);
  }

  /** Stops the server (SIGTERM = clean shutdown; SIGKILL after the grace period). */
  async stop(): Promise<void> {
    await this.proc?.stop(30_000);
  }

  logTail(lines = 40): string {
    return this.proc?.logTail(lines) ?? '';
  }

  async destroy(): Promise<void> {
    await this.stop();
    rmSync(this.dir, { recursive: true, force: true });
  }
}
