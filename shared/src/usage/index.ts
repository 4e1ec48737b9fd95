import { z } from 'zod';

/**
 * One terminal record per admitted request, appended to a usage stream by the relay's
 * settlement script (so the record is durable exactly when the balance changes) and written
 * to MySQL in batches by the api's usage writer, idempotently by `requestId`.
 */
export const usageAttemptSchema = z.object({
  channelId: z.number().int(),
  keyIndex: z.number().int().nullable().default(null),
  /** HTTP status from upstream, or 0 for a connect error / timeout. */
  status: z.number().int(),
  latencyMs: z.number(),
  /** Why it failed, for the logs (never sent to the client). */
  error: z.string().nullable().default(null),
});
export type UsageAttempt = z.infer<typeof usageAttemptSchema>;

export const usageStatusSchema = z.enum(['success', 'partial', 'aborted', 'failed']);
export type UsageStatus = z.infer<typeof usageStatusSchema>;

export const usageRecordSchema = z.object({
  requestId: z.string(),
  /** Epoch ms when the request arrived. */
  time: z.number(),
  userId: z.number().int(),
  tokenId: z.number().int(),
  /** Channel that produced the final answer; null when none was reached. */
  channelId: z.number().int().nullable(),
  endpoint: z.string(),
  model: z.string(),
  upstreamModel: z.string().nullable(),
  group: z.string(),
  promptTokens: z.number().int().default(0),
  completionTokens: z.number().int().default(0),
  cachedTokens: z.number().int().default(0),
  cacheWriteTokens: z.number().int().default(0),
  reasoningTokens: z.number().int().default(0),
  /** Quota charged, integer string (exceeds 2^32). */
  quota: z.string(),
  latencyMs: z.number().int(),
  ttftMs: z.number().int().nullable().default(null),
  stream: z.boolean(),
  status: usageStatusSchema,
  httpStatus: z.number().int(),
  errorMessage: z.string().nullable().default(null),
  clientIp: z.string().nullable().default(null),
  /** True when token counts were computed locally (upstream gave none). */
  usageEstimated: z.boolean().default(false),
  attempts: z.array(usageAttemptSchema).default([]),
});
export type UsageRecord = z.infer<typeof usageRecordSchema>;
