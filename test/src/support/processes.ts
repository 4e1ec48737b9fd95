import { type ChildProcess, spawn } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sleep } from './ports.js';

export interface StartOptions {
  /** Short name, used for the log file and in error messages. */
  name: string;
  command: string;
  args: string[];
  env?: NodeJS.ProcessEnv;
  cwd?: string;
  /** Folder for `<name>.log` (stdout and stderr together). */
  logDir: string;
}

/**
 * A child process of a test: its own process group (so that cluster workers or a database's
 * helpers can be killed with it), output captured to a file (read it when a test fails), and
 * a clean stop: SIGTERM, then SIGKILL to the whole group after a grace period.
 */
export class ManagedProcess {
  readonly logFile: string;
  readonly child: ChildProcess;
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  private exitInfo: { code: number | null; signal: NodeJS.Signals | null } | null = null;

  private constructor(
    readonly name: string,
    child: ChildProcess,
    logFile: string,
  ) {
    this.child = child;
    this.logFile = logFile;
    this.exited = new Promise((resolve) => {
      child.once('exit', (code, signal) => {
        this.exitInfo = { code, signal };
        resolve(this.exitInfo);
      });
    });
  }

  static start(opts: StartOptions): ManagedProcess {
    mkdirSync(opts.logDir, { recursive: true });
    const logFile = join(opts.logDir, `${opts.name}.log`);
    // Append: a restarted process keeps writing after its previous life's output.
    const fd = openSync(logFile, 'a');
    const child = spawn(opts.command, opts.args, {
      cwd: opts.cwd,
      env: opts.env ?? process.env,
      stdio: ['ignore', fd, fd],
      detached: true,
    });
    closeSync(fd);
    return new ManagedProcess(opts.name, child, logFile);
  }

  get pid(): number {
    return this.child.pid ?? -1;
  }

  get running(): boolean {
    return this.exitInfo === null;
  }

  /** The last `lines` lines of the process's output. */
  logTail(lines = 60): string {
    if (!existsSync(this.logFile)) return '';
    return readFileSync(this.logFile, 'utf8').split('\n').slice(-lines).join('\n');
  }

  log(): string {
    return existsSync(this.logFile) ? readFileSync(this.logFile, 'utf8') : '';
  }

  /** Sends a signal to the main process only (a cluster primary forwards it as it sees fit). */
  signal(sig: NodeJS.Signals): void {
    if (this.running) process.kill(this.pid, sig);
  }

  /** SIGTERM, wait up to `graceMs`, then SIGKILL to the whole group (orphaned workers too). */
  async stop(graceMs = 10_000): Promise<void> {
    if (this.running) {
      try {
        process.kill(this.pid, 'SIGTERM');
      } catch {
        // already gone
      }
      await Promise.race([this.exited, sleep(graceMs)]);
    }
    this.killGroup();
    await Promise.race([this.exited, sleep(2_000)]);
  }

  /** SIGKILL to the process group: a crash, as the OS would see it. */
  killGroup(): void {
    try {
      process.kill(-this.pid, 'SIGKILL');
    } catch {
      // no process left in the group
    }
  }

  /** Fails with the log tail when the process has exited. */
  assertRunning(): void {
    if (!this.running) {
      throw new Error(
        `${this.name} exited (code ${this.exitInfo?.code}, signal ${this.exitInfo?.signal}); log ${this.logFile}:\n${this.logTail()}`,
      );
    }
  }
}

/**
 * Polls `url` until it answers 200. Fails early, with the process's log, if the process dies.
 */
export async function waitForHttpOk(
  url: string,
  proc: ManagedProcess | null,
  timeoutMs = 60_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = 'no answer';
  for (;;) {
    proc?.assertRunning();
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(2_000) });
      await res.arrayBuffer();
      if (res.status === 200) return;
      last = `HTTP ${res.status}`;
    } catch (e) {
      last = (e as Error).message;
    }
    if (Date.now() > deadline) {
      const tail = proc ? `\nlog ${proc.logFile}:\n${proc.logTail()}` : '';
      throw new Error(`${url} not ready after ${timeoutMs} ms (${last})${tail}`);
    }
    await sleep(150);
  }
}

/** PIDs of a process's direct children (a cluster primary's workers). */
export function childPids(pid: number): number[] {
  try {
    return readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8')
      .trim()
      .split(/\s+/)
      .filter(Boolean)
      .map(Number);
  } catch {
    return [];
  }
}

/** Resident set size in bytes (0 when the process is gone). */
export function rssBytes(pid: number): number {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

/** CPU time (user + system) consumed so far, in ms (clock ticks of 10 ms). */
export function cpuMs(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name, which is in parentheses and may hold spaces.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return 0;
  }
}
