import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The peer of the benchmark, @portkey-ai/gateway from npm, installed on demand into a
 * throwaway folder OUTSIDE the repository (never in our lockfile).
 * On Node 20 a plain install streams "500 TypeError: immutable"; pinning the versions of its
 * own lockfile through overrides (after a fresh install) fixes that.
 */
export const PORTKEY_VERSION = '1.15.2';
const OVERRIDES = { '@hono/node-server': '1.13.5', '@hono/node-ws': '1.2.0', hono: '4.9.7' };

export function portkeyDir(): string {
  return process.env.PORTKEY_DIR ?? '/tmp/sb-bench-portkey';
}

export function portkeyEntry(dir = portkeyDir()): string {
  return join(dir, 'node_modules/@portkey-ai/gateway/build/start-server.js');
}

/** Installs (once) and returns the folder; later runs reuse it. */
export function ensurePortkey(log: (line: string) => void): string {
  const dir = portkeyDir();
  const pkgFile = join(dir, 'package.json');
  if (existsSync(portkeyEntry(dir)) && existsSync(pkgFile)) {
    const pkg = JSON.parse(readFileSync(pkgFile, 'utf8'));
    if (
      pkg.overrides?.hono === OVERRIDES.hono &&
      pkg.dependencies?.['@portkey-ai/gateway'] === PORTKEY_VERSION
    ) {
      return dir;
    }
  }
  mkdirSync(dir, { recursive: true });
  log(`installing @portkey-ai/gateway@${PORTKEY_VERSION} into ${dir}`);
  writeFileSync(pkgFile, JSON.stringify({ name: 'sb-bench-peer', private: true }, null, 2));
  const npm = (args: string[]) =>
    execFileSync('npm', [...args, '--no-audit', '--no-fund', '--loglevel=error'], {
      cwd: dir,
      stdio: ['ignore', 'ignore', 'inherit'],
      timeout: 300_000,
    });
  npm(['install', '--save-exact', `@portkey-ai/gateway@${PORTKEY_VERSION}`]);
  const pkg = JSON.parse(readFileSync(pkgFile, 'utf8'));
  pkg.overrides = OVERRIDES;
  writeFileSync(pkgFile, JSON.stringify(pkg, null, 2));
  npm(['install']);
  return dir;
}
