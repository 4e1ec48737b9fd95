import type { ModelPrice } from '../relay-config/index.js';

/**
 * Quota arithmetic, One-API compatible and exact:
 *   quota = ceil((prompt + completion × completionRatio) × modelRatio × groupRatio) + perCall
 * extended with cached / cache-write input tokens (multipliers of the input price) and
 * reasoning tokens (their own multiplier, default the completion ratio). Ratios are decimal
 * strings with at most 9 fractional digits, held as integers scaled by 10^9, so no floating
 * point drift; quota amounts are bigint (they exceed 2^32 and, summed, 2^53).
 */
export const RATIO_SCALE = 1_000_000_000n;
const RATIO_RE = /^\d{1,12}(\.\d{1,9})?$/;

/** Default quota units per USD: One-API's 500,000 (ratio 1 = USD 0.002 / 1K tokens). */
export const DEFAULT_QUOTA_PER_USD = 500_000n;

export function isValidRatio(value: string): boolean {
  return RATIO_RE.test(value);
}

/**
 * Parsed ratios by their text. The relay prices every request two or three times, each with
 * five or six ratios, and a gateway has few distinct ratio strings: a memo saves the regex and
 * BigInt parsing (a few % of a request's CPU). Emptied when full, so it stays small.
 */
const parsedRatios = new Map<string, bigint>();
const PARSED_RATIOS_MAX = 1_024;

/** "1.25" → 1_250_000_000n. Throws on anything but a plain non-negative decimal. */
export function parseRatio(value: string): bigint {
  const hit = parsedRatios.get(value);
  if (hit !== undefined) return hit;
  if (!RATIO_RE.test(value)) throw new RangeError(`invalid ratio "${value}"`);
  const [whole, frac = ''] = value.split('.');
  const parsed = BigInt(whole!) * RATIO_SCALE + BigInt(frac.padEnd(9, '0'));
  if (parsedRatios.size >= PARSED_RATIOS_MAX) parsedRatios.clear();
  parsedRatios.set(value, parsed);
  return parsed;
}

/** 1_250_000_000n → "1.25" */
export function formatRatio(scaled: bigint): string {
  const whole = scaled / RATIO_SCALE;
  const frac = (scaled % RATIO_SCALE).toString().padStart(9, '0').replace(/0+$/, '');
  return frac ? `${whole}.${frac}` : whole.toString();
}

function ceilDiv(a: bigint, b: bigint): bigint {
  if (a <= 0n) return 0n;
  return (a + b - 1n) / b;
}

export interface TokenUsage {
  /** Includes cached and cache-write tokens, as OpenAI counts them. */
  promptTokens: number;
  /** Includes reasoning tokens, as OpenAI counts them. */
  completionTokens: number;
  cachedTokens?: number;
  cacheWriteTokens?: number;
  reasoningTokens?: number;
}

type PriceForTokens = Pick<
  ModelPrice,
  'modelRatio' | 'completionRatio' | 'cachedRatio' | 'cacheWriteRatio' | 'reasoningRatio' | 'perCallQuota'
>;

/** Quota for a token-priced request. */
export function tokenQuota(usage: TokenUsage, price: PriceForTokens, groupRatio: string): bigint {
  const cached = BigInt(Math.max(0, usage.cachedTokens ?? 0));
  const cacheWrite = BigInt(Math.max(0, usage.cacheWriteTokens ?? 0));
  const reasoning = BigInt(Math.max(0, usage.reasoningTokens ?? 0));
  const prompt = BigInt(Math.max(0, usage.promptTokens));
  const completion = BigInt(Math.max(0, usage.completionTokens));
  const plainPrompt = prompt > cached + cacheWrite ? prompt - cached - cacheWrite : 0n;
  const plainCompletion = completion > reasoning ? completion - reasoning : 0n;
  const completionRatio = parseRatio(price.completionRatio);
  const reasoningRatio = price.reasoningRatio == null ? completionRatio : parseRatio(price.reasoningRatio);
  // Weighted input-price tokens, scaled by 10^9.
  const weighted =
    plainPrompt * RATIO_SCALE +
    cached * parseRatio(price.cachedRatio) +
    cacheWrite * parseRatio(price.cacheWriteRatio) +
    plainCompletion * completionRatio +
    reasoning * reasoningRatio;
  const scaled = weighted * parseRatio(price.modelRatio) * parseRatio(groupRatio);
  return ceilDiv(scaled, RATIO_SCALE * RATIO_SCALE * RATIO_SCALE) + BigInt(price.perCallQuota || '0');
}

/** Quota of a fixed amount (per image, per minute …) times a count and the group ratio. */
export function fixedQuota(unitQuota: string, count: number | bigint, groupRatio: string): bigint {
  const scaled = BigInt(unitQuota) * BigInt(count) * parseRatio(groupRatio);
  return ceilDiv(scaled, RATIO_SCALE);
}

/** Model ratio from an input price in USD per 1M tokens (ratio = price ÷ 2). */
export function ratioFromUsdPerMillion(usdPerMillion: string): string {
  return formatRatio(parseRatio(usdPerMillion) / 2n);
}

/** Input price in USD per 1M tokens for a model ratio. */
export function usdPerMillionFromRatio(ratio: string): string {
  return formatRatio(parseRatio(ratio) * 2n);
}

/** Quota → USD as a decimal string with 6 fractional digits (display only). */
export function quotaToUsd(quota: bigint, quotaPerUsd: bigint = DEFAULT_QUOTA_PER_USD): string {
  const micros = (quota * 1_000_000n) / quotaPerUsd;
  const sign = micros < 0n ? '-' : '';
  const abs = micros < 0n ? -micros : micros;
  return `${sign}${abs / 1_000_000n}.${(abs % 1_000_000n).toString().padStart(6, '0')}`;
}

/** USD → quota units (rounded down), for top-ups given in dollars. */
export function usdToQuota(usd: string, quotaPerUsd: bigint = DEFAULT_QUOTA_PER_USD): bigint {
  return (parseRatio(usd) * quotaPerUsd) / RATIO_SCALE;
}
export { DEFAULT_PRICES, type DefaultPrice } from './defaults.js';
