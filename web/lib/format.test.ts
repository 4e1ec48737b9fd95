import { describe, expect, it } from 'vitest';
import { formatUsd, quotaToUsd, usdToQuota, ratioToUsdPerMillion, usdPerMillionToRatio } from './format';

describe('quota and price conversions', () => {
  it('turns quota into USD without losing big values', () => {
    expect(quotaToUsd('500000')).toBe(1);
    expect(quotaToUsd('250')).toBe(0.0005);
    expect(quotaToUsd('9000000000000000000')).toBe(18_000_000_000_000);
    expect(quotaToUsd('1000000', 1_000_000)).toBe(1);
  });

  it('maps ratios to USD per 1M tokens and back (ratio 1 = USD 0.002 / 1K)', () => {
    expect(ratioToUsdPerMillion('1')).toBe(2);
    expect(ratioToUsdPerMillion('0.075')).toBe(0.15);
    expect(usdPerMillionToRatio(2.5)).toBe('1.25');
    expect(usdPerMillionToRatio(0.15)).toBe('0.075');
  });
});

describe('formatUsd', () => {
  it('keeps tiny per-request costs visible', () => {
    expect(formatUsd(quotaToUsd('4'), 'en')).toBe('$0.000008');
    expect(formatUsd(0, 'en')).toBe('$0.00');
    expect(formatUsd(1234.5, 'en')).toBe('$1,234.50');
    expect(formatUsd(0.5, 'zh')).toBe('US$0.50');
  });
});

describe('usdToQuota', () => {
  it('converts typed USD to quota units exactly (500,000 per USD by default)', () => {
    expect(usdToQuota('10')).toBe('5000000');
    expect(usdToQuota('0.0001')).toBe('50');
    expect(usdToQuota('-2.5')).toBe('-1250000');
    expect(usdToQuota('1', 1_000_000)).toBe('1000000');
  });
});
