import { describe, expect, it } from 'vitest';
import {
  DEFAULT_QUOTA_PER_USD,
  formatUsd,
  quotaToUsd,
  ratioToUsdPerMillion,
  usdPerMillionToRatio,
  usdToQuota,
} from './format';

const D = DEFAULT_QUOTA_PER_USD;

describe('quota and price conversions', () => {
  it('turns quota into USD without losing big values', () => {
    expect(quotaToUsd('500000', D)).toBe(1);
    expect(quotaToUsd('250', D)).toBe(0.0005);
    expect(quotaToUsd('9000000000000000000', D)).toBe(18_000_000_000_000);
    expect(quotaToUsd('1000000', 1_000_000)).toBe(1);
  });

  it('maps ratios to USD per 1M tokens and back (ratio 1 = USD 0.002 / 1K)', () => {
    expect(ratioToUsdPerMillion('1', D)).toBe(2);
    expect(ratioToUsdPerMillion('0.075', D)).toBe(0.15);
    expect(usdPerMillionToRatio(2.5, D)).toBe('1.25');
    expect(usdPerMillionToRatio(0.15, D)).toBe('0.075');
    // At 1,000,000 units per USD the same ratio costs half as many dollars.
    expect(ratioToUsdPerMillion('1', '1000000')).toBe(1);
    expect(usdPerMillionToRatio(1, '1000000')).toBe('1');
  });
});

describe('formatUsd', () => {
  it('keeps tiny per-request costs visible', () => {
    expect(formatUsd(quotaToUsd('4', D), 'en')).toBe('$0.000008');
    expect(formatUsd(0, 'en')).toBe('$0.00');
    expect(formatUsd(1234.5, 'en')).toBe('$1,234.50');
    expect(formatUsd(0.5, 'zh')).toBe('US$0.50');
  });
});

describe('usdToQuota', () => {
  it('converts typed USD to quota units exactly (500,000 per USD by default)', () => {
    expect(usdToQuota('10', D)).toBe('5000000');
    expect(usdToQuota('0.0001', D)).toBe('50');
    expect(usdToQuota('-2.5', D)).toBe('-1250000');
    expect(usdToQuota('1', 1_000_000)).toBe('1000000');
  });

  it('uses a configured rate given as the api sends it (a BigInt decimal string)', () => {
    // quotaPerUsd = 1,234,567 units per USD: nothing here matches the 500,000 default.
    const perUsd = '1234567';
    expect(usdToQuota('10', perUsd)).toBe('12345670');
    expect(usdToQuota('0.0001', perUsd)).toBe('123');
    expect(quotaToUsd('12345670', perUsd)).toBe(10);
    expect(quotaToUsd('2469134', perUsd)).toBe(2);
    expect(formatUsd(quotaToUsd('617283500', perUsd), 'en')).toBe('$500.00');
    // The default rate would have read the same balance as $1,234.57.
    expect(formatUsd(quotaToUsd('617283500', D), 'en')).toBe('$1,234.57');
    // Rates above 2^53 still convert exactly through bigint.
    expect(usdToQuota('3', '9007199254740993')).toBe('27021597764222979');
  });
});
