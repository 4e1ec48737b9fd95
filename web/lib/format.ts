import type { Locale } from './i18n/config';

/**
 * One-API's default: 500,000 quota units = 1 USD. The api's quotaPerUsd option may change it:
 * components convert through useMoney() (lib/money.ts), which passes the configured rate.
 */
export const DEFAULT_QUOTA_PER_USD = 500_000;

/** Quota units per USD: a positive integer, as the api's BigInt string or a number. */
export type QuotaPerUsd = string | number | bigint;

/**
 * Quota (a decimal string, may exceed 2^53) → USD, exact enough for display. The rate is
 * required so that no caller silently falls back to the default.
 */
export function quotaToUsd(quota: string | null | undefined, perUsd: QuotaPerUsd): number {
  if (!quota) return 0;
  // Nano-dollars first (exact in bigint), then one division in floating point for display.
  const nano = (BigInt(quota) * 1_000_000_000n) / BigInt(perUsd);
  return Number(nano) / 1e9;
}

export function formatUsd(usd: number, locale: Locale): string {
  const tag = locale === 'zh' ? 'zh-CN' : 'en-US';
  // A single request often costs a fraction of a cent: show two significant digits, not "$0.00".
  if (usd !== 0 && Math.abs(usd) < 0.01) {
    return new Intl.NumberFormat(tag, {
      style: 'currency',
      currency: 'USD',
      maximumSignificantDigits: 2,
    }).format(usd);
  }
  return new Intl.NumberFormat(tag, { style: 'currency', currency: 'USD', maximumFractionDigits: 2 }).format(
    usd,
  );
}

export function formatNumber(n: number | string | null | undefined, locale: Locale): string {
  if (n === null || n === undefined) return '—';
  const v = typeof n === 'string' ? Number(n) : n;
  return new Intl.NumberFormat(locale === 'zh' ? 'zh-CN' : 'en-US').format(v);
}

/** In the browser's time zone (the server renders no dates: they appear once hydrated). */
export function formatDateTime(iso: string | null | undefined, locale: Locale): string {
  if (!iso) return '—';
  return new Intl.DateTimeFormat(locale === 'zh' ? 'zh-CN' : 'en-GB', {
    dateStyle: 'short',
    timeStyle: 'medium',
  }).format(new Date(iso));
}

export function browserTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

/** USD typed by a person (up to 4 decimals) → quota units, as the decimal string GraphQL's BigInt takes. */
export function usdToQuota(usd: string | number, perUsd: QuotaPerUsd): string {
  const tenThousandths = BigInt(Math.round(Number(usd) * 10_000));
  return ((tenThousandths * BigInt(perUsd)) / 10_000n).toString();
}

/**
 * Ratio → USD per 1M tokens. A ratio prices 1M tokens at ratio × 1,000,000 quota units (One-API
 * formula), so at the default 500,000 units per USD ratio 1 = USD 2 per 1M input tokens.
 */
export function ratioToUsdPerMillion(ratio: string | number, perUsd: QuotaPerUsd): number {
  return (Number(ratio) * 1_000_000) / Number(perUsd);
}

/** USD per 1M tokens → model ratio, as a decimal string with at most 9 fractional digits. */
export function usdPerMillionToRatio(usd: number, perUsd: QuotaPerUsd): string {
  return String(Number(((usd * Number(perUsd)) / 1_000_000).toFixed(9)));
}
