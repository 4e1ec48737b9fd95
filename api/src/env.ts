import { commonEnv, csv, parseEnv } from '@switchboard/shared/env';
import { z } from 'zod';

/**
 * The api's environment, parsed once at boot. Every variable is documented in
 * docs/configuration.md (section "api").
 */
const bool = z
  .enum(['true', 'false', '1', '0', ''])
  .optional()
  .transform((v) => (v === undefined || v === '' ? undefined : v === 'true' || v === '1'));

export const apiEnvShape = {
  ...commonEnv,
  API_PORT: z.coerce.number().int().min(0).max(65535).default(4000),
  API_HOST: z.string().default('0.0.0.0'),
  /** Password of the root user on first start; unset → a random one, printed once. */
  ROOT_PASSWORD: z.string().min(8, 'must be at least 8 characters').optional(),
  /** CIDRs / addresses whose X-Forwarded-For is believed (login rate limits, audit IPs). */
  TRUSTED_PROXIES: csv,
  /** Browser origins allowed to call /graphql with credentials (the console). */
  CORS_ORIGINS: csv,
  /** Introspection on /graphql; default: on except in production. */
  GRAPHQL_INTROSPECTION: bool,
  GRAPHQL_MAX_DEPTH: z.coerce.number().int().min(1).default(12),
  GRAPHQL_MAX_COMPLEXITY: z.coerce.number().int().min(1).default(5000),
  /** Lifetime of a console session / login access token, hours. */
  SESSION_TTL_HOURS: z.coerce.number().int().min(1).default(168),
  /** Mark the session cookie Secure (set when the console is served over HTTPS). */
  COOKIE_SECURE: bool,
  /** Usage-log rows older than this many days are pruned (roll-ups are kept); 0 = keep forever. */
  LOG_RETENTION_DAYS: z.coerce.number().int().min(0).default(90),
  /** How long "test channel now" and similar relay tasks may take, ms. */
  CHANNEL_TASK_TIMEOUT_MS: z.coerce.number().int().min(1000).default(60_000),
  /** Interval of the "is the Redis config still there" check, ms. */
  REDIS_HEAL_INTERVAL_MS: z.coerce.number().int().min(500).default(5000),
};

export type ApiEnv = z.infer<z.ZodObject<typeof apiEnvShape>>;

export function loadEnv(source: NodeJS.ProcessEnv = process.env): ApiEnv {
  return parseEnv(apiEnvShape, source);
}
