import { z } from 'zod';

/**
 * The versioned config snapshot the api builds from MySQL, stores in Redis
 * (`redisKeys.configSnapshot`) and announces on `redisKeys.configChannel`. Relay workers load
 * it at start, on every announcement with a newer version, after a reconnect, and
 * periodically (to heal a missed message). It holds everything routing and pricing need;
 * channel keys stay encrypted (see crypto/) and are decrypted in relay memory only.
 */
export const channelStatusSchema = z.enum(['enabled', 'manually_disabled', 'auto_disabled']);
export type ChannelStatus = z.infer<typeof channelStatusSchema>;

export const channelTimeoutsSchema = z.object({
  /** TCP/TLS connect, ms. */
  connectMs: z.number().int().positive().default(10_000),
  /**
   * Until response headers, ms. For a non-stream call that is the whole generation (a long
   * reasoning call runs minutes), hence the OpenAI SDK's own request timeout, 10 min.
   */
  firstByteMs: z.number().int().positive().default(600_000),
  /** Longest silence inside a stream, ms. */
  streamIdleMs: z.number().int().positive().default(300_000),
});
export type ChannelTimeouts = z.infer<typeof channelTimeoutsSchema>;

export const snapshotChannelSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  /** Provider type, one of shared/providers `PROVIDERS[].type`. */
  type: z.string(),
  baseUrl: z.string(),
  /** Encrypted channel keys (crypto/encryptSecret); index is the key's id inside the channel. */
  keys: z.array(z.string()),
  /** Indexes of keys disabled in MySQL (auto or manually). */
  disabledKeys: z.array(z.number().int()).default([]),
  keyStrategy: z.enum(['round_robin', 'random']).default('round_robin'),
  models: z.array(z.string()),
  groups: z.array(z.string()),
  /** requested model → upstream model */
  modelMapping: z.record(z.string(), z.string()).default({}),
  /** Extra headers sent upstream (static values). */
  headers: z.record(z.string(), z.string()).default({}),
  /** Client request headers copied upstream (lower-case names), e.g. user-agent, x-forwarded-for. */
  passthroughHeaders: z.array(z.string()).default([]),
  priority: z.number().int().default(0),
  weight: z.number().int().min(0).default(1),
  status: channelStatusSchema,
  timeouts: channelTimeoutsSchema,
  /** Ask OpenAI-type upstreams for stream usage (`stream_options.include_usage`). */
  streamUsage: z.boolean().default(true),
  autoDisable: z.boolean().default(true),
  /** Provider-specific settings (e.g. Azure api-version, region), validated per provider. */
  config: z.record(z.string(), z.unknown()).default({}),
});
export type SnapshotChannel = z.infer<typeof snapshotChannelSchema>;

/** Prices of one model. Ratios are decimal strings, exact (see pricing/). */
export const modelPriceSchema = z.object({
  model: z.string(),
  /** Input price ratio: 1 = USD 0.002 / 1K tokens. */
  modelRatio: z.string(),
  completionRatio: z.string().default('1'),
  /** Multiplier of the input price for cached input tokens (e.g. "0.5"). */
  cachedRatio: z.string().default('1'),
  /** Multiplier of the input price for cache-write input tokens (Anthropic: "1.25"). */
  cacheWriteRatio: z.string().default('1'),
  /** Multiplier of the input price for reasoning tokens; defaults to the completion ratio. */
  reasoningRatio: z.string().nullable().default(null),
  /** Fixed quota per call, added to the token cost (string integer). */
  perCallQuota: z.string().default('0'),
  /** Images: quota per image by "size|quality" (e.g. "1024x1024|hd"); "*" as fallback. */
  imagePrices: z.record(z.string(), z.string()).default({}),
  /** Audio: quota per minute of input (transcription) and per 1K characters (speech). */
  audioPerMinuteQuota: z.string().nullable().default(null),
  audioPer1kCharsQuota: z.string().nullable().default(null),
  /** Output bound reserved when a request names none. */
  defaultMaxOutputTokens: z.number().int().positive().default(4096),
});
export type ModelPrice = z.infer<typeof modelPriceSchema>;

export const groupSchema = z.object({ name: z.string(), ratio: z.string() });

export const relayOptionsSchema = z.object({
  /** How many further channels to try after a retryable failure. */
  retryCount: z.number().int().min(0).default(2),
  /** Circuit breaker: consecutive failures before a channel cools down, and for how long. */
  cooldownFailures: z.number().int().min(1).default(3),
  cooldownMs: z.number().int().min(0).default(30_000),
  /** Price used for models without one; null refuses unknown models. */
  defaultModelRatio: z.string().nullable().default(null),
  /** Allow adapters to fetch image URLs that resolve to private addresses. */
  allowPrivateImageFetch: z.boolean().default(false),
  /** Keep-alive comment interval for silent streams, ms. */
  streamKeepAliveMs: z.number().int().min(0).default(15_000),
});
export type RelayOptions = z.infer<typeof relayOptionsSchema>;

export const relaySnapshotSchema = z.object({
  version: z.number().int(),
  generatedAt: z.string(),
  quotaPerUsd: z.string().default('500000'),
  channels: z.array(snapshotChannelSchema),
  groups: z.array(groupSchema),
  prices: z.array(modelPriceSchema),
  options: relayOptionsSchema,
});
export type RelaySnapshot = z.infer<typeof relaySnapshotSchema>;

/** Messages on `redisKeys.configChannel`. */
export type ConfigMessage =
  /** A new snapshot is stored; fetch it if newer than yours. */
  | { kind: 'snapshot'; version: number }
  /** Drop cached token records (by key hash); they are re-read from Redis on next use. */
  | { kind: 'tokens'; keyHashes: string[] }
  /** Drop every cached token record (bulk change, rebuild). */
  | { kind: 'tokens-all' }
  /** Live routing state of a channel changed (cooldown, key disabled) — written by a relay. */
  | { kind: 'channel-state'; channelId: number };

/**
 * The token record the api writes to `redisKeys.token(keyHash)` (field `d`), with everything
 * the relay checks. Balances live apart, in quota keys, for atomic scripts.
 */
export const tokenRecordSchema = z.object({
  id: z.number().int(),
  userId: z.number().int(),
  name: z.string(),
  /** Token and its owner must both be enabled. */
  status: z.enum(['enabled', 'disabled']),
  userStatus: z.enum(['enabled', 'disabled']),
  /** Epoch ms; null = never. */
  expiresAt: z.number().nullable(),
  unlimited: z.boolean(),
  /** null = every model of the group. */
  models: z.array(z.string()).nullable(),
  /** CIDR list; null or empty = any address. */
  ipWhitelist: z.array(z.string()).nullable(),
  /** The token's group, else the user's. */
  group: z.string(),
  /** Per-minute limits; 0 = none. */
  rpm: z.number().int().default(0),
  tpm: z.number().int().default(0),
  userRpm: z.number().int().default(0),
  userTpm: z.number().int().default(0),
  /** Short-lived playground tokens cannot list or manage anything. */
  playground: z.boolean().default(false),
});
export type TokenRecord = z.infer<typeof tokenRecordSchema>;
