import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { repoRoot } from '../support/stack.js';

/**
 * There is no Docker engine on the machines that run the tests, so docker-compose.yml and the
 * Dockerfile are checked statically: the shape the images' documentation asks for, every
 * dependency waiting on a health check that exists, and every variable handed to a process one
 * that the process actually reads.
 */
interface Service {
  image?: string;
  build?: { context: string; target: string };
  command?: string[] | string;
  environment?: Record<string, string | number | null>;
  healthcheck?: { test: string[] | string };
  depends_on?: Record<string, { condition: string }>;
  deploy?: { replicas?: number };
  volumes?: string[];
  ports?: string[];
}

// merge: Compose resolves YAML merge keys (<<: *anchor).
const compose = parse(readFileSync(join(repoRoot, 'docker-compose.yml'), 'utf8'), { merge: true }) as {
  services: Record<string, Service>;
  volumes: Record<string, unknown>;
  configs?: Record<string, { content?: string }>;
};
const dockerfile = readFileSync(join(repoRoot, 'Dockerfile'), 'utf8');
const s = compose.services;
const text = (v: string[] | string | undefined) => (Array.isArray(v) ? v.join(' ') : (v ?? ''));

async function envKeys(pkg: 'api' | 'relay'): Promise<string[]> {
  const file = join(repoRoot, pkg, 'dist/env.js');
  const mod = (await import(pathToFileURL(file).href)) as Record<string, Record<string, unknown>>;
  return Object.keys(mod[pkg === 'api' ? 'apiEnvShape' : 'relayEnvShape']);
}

describe('docker-compose.yml', () => {
  it('runs MySQL 8 and Redis 7 with the settings the system relies on', () => {
    expect(s.mysql.image).toMatch(/^mysql:8/);
    expect(s.mysql.environment).toMatchObject({ MYSQL_DATABASE: 'switchboard', MYSQL_USER: 'switchboard' });
    expect(text(s.mysql.healthcheck?.test)).toContain('mysqladmin ping');
    expect(s.redis.image).toMatch(/^redis:7/);
    const redisCmd = text(s.redis.command);
    expect(redisCmd).toMatch(/--appendonly yes/);
    expect(redisCmd).toMatch(/--maxmemory-policy noeviction/);
    expect(s.redis.volumes?.some((v) => v.endsWith(':/data'))).toBe(true);
    expect(text(s.redis.healthcheck?.test)).toContain('redis-cli ping');
    for (const v of [...(s.mysql.volumes ?? []), ...(s.redis.volumes ?? [])]) {
      expect(Object.keys(compose.volumes)).toContain(v.split(':')[0]);
    }
  });

  it('builds api, relay and web from Dockerfile targets, with two relay replicas', () => {
    for (const name of ['api', 'relay', 'web']) {
      expect(s[name].build?.target).toBe(name);
      expect(dockerfile).toMatch(new RegExp(`^FROM \\S+ AS ${name}$`, 'm'));
    }
    expect(s.relay.deploy?.replicas).toBe(2);
  });

  it('starts each service only after what it needs is healthy', () => {
    for (const [name, svc] of Object.entries(s)) {
      expect(svc.healthcheck, `${name} has a health check`).toBeTruthy();
      for (const [dep, cond] of Object.entries(svc.depends_on ?? {})) {
        expect(s[dep], `${name} depends on ${dep}`).toBeTruthy();
        expect(cond.condition).toBe('service_healthy');
      }
    }
    expect(Object.keys(s.api.depends_on ?? {}).sort()).toEqual(['mysql', 'redis']);
    expect(Object.keys(s.relay.depends_on ?? {})).toContain('api');
  });

  it('hands each process only variables it reads, with MySQL and Redis wired by service name', async () => {
    for (const pkg of ['api', 'relay'] as const) {
      const env = s[pkg].environment ?? {};
      const known = await envKeys(pkg);
      for (const key of Object.keys(env)) expect(known, `${pkg} reads ${key}`).toContain(key);
      expect(String(env.REDIS_URL)).toBe('redis://redis:6379');
      expect(String(env.SECRET_KEY)).toMatch(/^\$\{SECRET_KEY:\?/);
    }
    expect(String(s.api.environment?.DATABASE_URL)).toMatch(
      /^mysql:\/\/switchboard:.*@mysql:3306\/switchboard$/,
    );
    const webServer = readFileSync(join(repoRoot, 'web/server.mjs'), 'utf8');
    for (const key of Object.keys(s.web.environment ?? {})) {
      if (key === 'NODE_ENV') continue;
      expect(webServer, `web reads ${key}`).toContain(`process.env.${key}`);
    }
  });

  it('gateway spreads /v1 over the relay replicas without buffering', () => {
    const conf = compose.configs?.['gateway-conf']?.content ?? '';
    expect(conf).toMatch(/server relay:3000/);
    expect(conf).toMatch(/proxy_buffering off/);
    // $$ is Compose's escape for a literal $ (nginx variables).
    expect(conf).toContain('$$proxy_add_x_forwarded_for');
  });
});

describe('Dockerfile', () => {
  it('copies files that exist and starts entries the build produces', () => {
    for (const m of dockerfile.matchAll(/^COPY (?!--from)(?:--\S+ )*(.+) \S+$/gm)) {
      for (const src of m[1].split(' ')) {
        if (src === '.') continue;
        expect(existsSync(join(repoRoot, src)), `COPY source ${src}`).toBe(true);
      }
    }
    for (const m of dockerfile.matchAll(
      /^COPY --from=build \/app\/(\S+)(?: \/app\/(\S+))*(?: \/app\/(\S+))? \S+$/gm,
    )) {
      for (const src of m.slice(1).filter(Boolean)) {
        if (/node_modules|\.next|dist/.test(src)) continue; // produced by the build stage
        expect(existsSync(join(repoRoot, src)), `COPY --from=build ${src}`).toBe(true);
      }
    }
    for (const m of dockerfile.matchAll(/^CMD \["node", "([^"]+)"\]$/gm)) {
      const entry = m[1].startsWith('server.mjs') ? join('web', m[1]) : m[1];
      expect(existsSync(join(repoRoot, entry)), `CMD entry ${entry}`).toBe(true);
    }
  });
});
