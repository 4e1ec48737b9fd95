import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { GraphQLClient } from '../support/graphql-client.js';
import { connectMysql } from '../support/mysql.js';
import { freePort, sleep } from '../support/ports.js';
import { repoRoot } from '../support/stack.js';
import { GiveUp, waitFor } from '../support/wait.js';

/**
 * `pnpm start` after the build: the launcher creates the database, migrates, starts api, relay
 * and console, prints where they listen and the root password of the first start, and stops
 * them all on SIGTERM. Also its refusal, with the start command, when a server is missing.
 */
const launcher = join(repoRoot, 'api/dist/launcher.js');

function run(env: NodeJS.ProcessEnv) {
  const child = spawn(process.execPath, [launcher], {
    cwd: repoRoot,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  let done = false;
  const exited = new Promise<number | null>((r) =>
    child.on('exit', (code) => {
      done = true;
      r(code);
    }),
  );
  return { child, exited, output: () => output, done: () => done };
}

async function listening(port: number): Promise<boolean> {
  return fetch(`http://127.0.0.1:${port}/healthz`, { signal: AbortSignal.timeout(1_000) }).then(
    () => true,
    () => false,
  );
}

describe('launcher (pnpm start)', () => {
  const database = `${new URL(process.env.DATABASE_URL!.replace(/^\w+:/, 'http:')).pathname.slice(1)}_launch`;
  const adminUrl = process.env.DATABASE_URL!.replace(/\/[^/]*$/, '');

  afterAll(async () => {
    const conn = await connectMysql(adminUrl);
    await conn.query(`DROP DATABASE IF EXISTS \`${database}\``);
    await conn.end();
  });

  it('refuses with the start command when Redis does not answer', async () => {
    const p = run({
      ...process.env,
      REDIS_URL: `redis://127.0.0.1:${await freePort()}`,
      SECRET_KEY: 'x'.repeat(32),
    });
    expect(await p.exited).toBe(1);
    expect(p.output()).toMatch(/Redis does not answer/);
    expect(p.output()).toMatch(/redis-server --daemonize yes/);
  });

  it('starts every process, prints URLs and root credentials, and stops them on SIGTERM', async () => {
    const [api, relay, web] = [await freePort(), await freePort(), await freePort()];
    const env: NodeJS.ProcessEnv = { ...process.env };
    delete env.ROOT_PASSWORD; // first start without one: a password is generated and printed
    const p = run({
      ...env,
      DATABASE_URL: `${adminUrl}/${database}`,
      REDIS_PREFIX: `${process.env.REDIS_PREFIX}launch:`,
      SECRET_KEY: 'launcher-test-secret-0123456789',
      API_PORT: String(api),
      RELAY_PORT: String(relay),
      WEB_PORT: String(web),
      RELAY_WORKERS: '1',
    });
    try {
      await waitFor(
        async () => {
          if (p.done()) throw new GiveUp(`launcher exited:\n${p.output()}`);
          return p.output().includes('Switchboard is running');
        },
        'the summary',
        120_000,
        250,
      );
      const out = p.output();
      expect(out).toContain(`http://localhost:${relay}/v1`);
      expect(out).toContain(`http://localhost:${api}/graphql`);
      expect(out).toContain(`http://localhost:${web}`);
      // The generated password is printed once, and it works.
      const summary = out.slice(out.indexOf('Switchboard is running'));
      const password = summary.match(/root credentials[^\n]*\n[^\n]*\n\s+(\S+)\n/)?.[1];
      expect(password).toBeTruthy();
      const client = new GraphQLClient(`http://127.0.0.1:${api}/graphql`);
      await client.login('root', password!);
      expect((await fetch(`http://127.0.0.1:${relay}/readyz`)).status).toBe(200);
      expect((await fetch(`http://127.0.0.1:${web}/healthz`)).status).toBe(200);
    } finally {
      p.child.kill('SIGTERM');
      await p.exited;
    }
    await sleep(200);
    expect(await listening(api)).toBe(false);
    expect(await listening(relay)).toBe(false);
    expect(await listening(web)).toBe(false);
  }, 180_000);
});
