import { isValidRatio } from '@switchboard/shared/pricing';
import { z } from 'zod';

/**
 * The known options: each key with its type and default. Values are stored as JSON text in
 * the `options` table; unknown keys are refused. Relay options feed RelaySnapshot.options.
 */
const ratio = z.string().refine(isValidRatio, 'must be a non-negative decimal, e.g. "1" or "0.25"');

export const OPTION_DEFINITIONS = {
  retryCount: {
    schema: z.number().int().min(0).max(10),
    default: 2,
    relay: true,
    description: 'Further channels tried after a retryable failure',
  },
  cooldownFailures: {
    schema: z.number().int().min(1).max(100),
    default: 3,
    relay: true,
    description: 'Consecutive failures before a channel cools down',
  },
  cooldownMs: {
    schema: z.number().int().min(0).max(3_600_000),
    default: 30_000,
    relay: true,
    description: 'Cool-down length, ms',
  },
  defaultModelRatio: {
    schema: ratio.nullable(),
    default: null,
    relay: true,
    description: 'Model ratio for models without a price; null refuses them',
  },
  allowPrivateImageFetch: {
    schema: z.boolean(),
    default: false,
    relay: true,
    description: 'Let adapters fetch image URLs on private addresses',
  },
  streamKeepAliveMs: {
    schema: z.number().int().min(0).max(300_000),
    default: 15_000,
    relay: true,
    description: 'Keep-alive comment interval for silent streams, ms',
  },
  quotaPerUsd: {
    schema: z.string().regex(/^[1-9]\d{0,15}$/, 'must be a positive integer'),
    default: '500000',
    relay: true,
    description: 'Quota units per USD',
  },
  newUserQuota: {
    schema: z.string().regex(/^\d{1,18}$/, 'must be a non-negative integer'),
    default: '0',
    relay: false,
    description: 'Quota given to users created without an explicit quota',
  },
} as const satisfies Record<
  string,
  { schema: z.ZodType; default: unknown; relay: boolean; description: string }
>;

export type OptionKey = keyof typeof OPTION_DEFINITIONS;
export type OptionValues = { [K in OptionKey]: z.infer<(typeof OPTION_DEFINITIONS)[K]['schema']> };

export function isOptionKey(key: string): key is OptionKey {
  return Object.hasOwn(OPTION_DEFINITIONS, key);
}

/** Stored rows → typed values; a row that no longer validates falls back to the default. */
export function resolveOptions(rows: { key: string; value: string }[]): OptionValues {
  const out: Record<string, unknown> = {};
  for (const [key, def] of Object.entries(OPTION_DEFINITIONS)) out[key] = def.default;
  for (const row of rows) {
    if (!isOptionKey(row.key)) continue;
    try {
      const parsed = OPTION_DEFINITIONS[row.key].schema.safeParse(JSON.parse(row.value));
      if (parsed.success) out[row.key] = parsed.data;
    } catch {
      // keep the default: a hand-edited row with bad JSON must not break the snapshot
    }
  }
  return out as OptionValues;
}
