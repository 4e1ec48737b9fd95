import { z } from 'zod';

/**
 * Environment variables shared by more than one process. Each process declares its own
 * schema by extending these pieces, and parses it once at boot with {@link parseEnv}.
 * Every variable is documented in docs/configuration.md.
 */
export const commonEnv = {
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  DATABASE_URL: z
    .string()
    .regex(/^(mysql|mariadb):\/\//, 'must start with mysql:// (MySQL 8) or mariadb:// (MariaDB)')
    .default('mariadb://root@127.0.0.1:3306/switchboard'),
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\//, 'must start with redis:// or rediss://')
    .default('redis://127.0.0.1:6379'),
  /** Comma-separated host:port list; when set, Redis is used in Cluster mode. */
  REDIS_CLUSTER_NODES: z.string().optional(),
  REDIS_PREFIX: z
    .string()
    .regex(/^[A-Za-z0-9:_-]*$/, 'letters, digits, ":", "_" and "-" only (no braces: they are hash tags)')
    .default('sb:'),
  SECRET_KEY: z.string().min(16, 'must be at least 16 characters; generate one with `openssl rand -hex 32`'),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error']).default('info'),
  /** Number of usage-stream shards; every process must agree. */
  USAGE_SHARDS: z.coerce.number().int().min(1).max(1024).default(16),
};

export type EnvShape = Record<string, z.ZodType>;

/** Parses `source` against `shape`; exits with one readable line per problem. */
export function parseEnv<S extends EnvShape>(
  shape: S,
  source: NodeJS.ProcessEnv = process.env,
): z.infer<z.ZodObject<S>> {
  const result = z.object(shape).safeParse(source);
  if (result.success) return result.data;
  const lines = result.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
  throw new EnvError(`Invalid configuration:\n${lines.join('\n')}\nSee docs/configuration.md.`);
}

export class EnvError extends Error {
  override name = 'EnvError';
}

/** "a, b ,c" → ["a","b","c"] */
export const csv = z
  .string()
  .default('')
  .transform((s) =>
    s
      .split(',')
      .map((x) => x.trim())
      .filter(Boolean),
  );
