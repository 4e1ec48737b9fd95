import { describe, expect, it } from 'vitest';
import {
  fixedQuota,
  formatRatio,
  parseRatio,
  quotaToUsd,
  ratioFromUsdPerMillion,
  tokenQuota,
  usdToQuota,
} from './index.js';

const price = {
  modelRatio: '1.25',
  completionRatio: '4',
  cachedRatio: '0.5',
  cacheWriteRatio: '1.25',
  reasoningRatio: null,
  perCallQuota: '0',
};

describe('pricing', () => {
  it('matches the One-API formula', () => {
    // ceil((1000 + 500 × 4) × 1.25 × 1) = 3750
    expect(tokenQuota({ promptTokens: 1000, completionTokens: 500 }, price, '1')).toBe(3750n);
    // group ratio 0.8 → 3000
    expect(tokenQuota({ promptTokens: 1000, completionTokens: 500 }, price, '0.8')).toBe(3000n);
  });

  it('rounds up once, at the end, without float drift', () => {
    // 0.1 × 3 tokens would be 0.30000000000000004 in floats; exact here → ceil(0.3) = 1
    expect(tokenQuota({ promptTokens: 3, completionTokens: 0 }, { ...price, modelRatio: '0.1' }, '1')).toBe(
      1n,
    );
    expect(tokenQuota({ promptTokens: 30, completionTokens: 0 }, { ...price, modelRatio: '0.1' }, '1')).toBe(
      3n,
    );
  });

  it('prices cached, cache-write and reasoning tokens by their ratios', () => {
    const q = tokenQuota(
      {
        promptTokens: 1000,
        cachedTokens: 400,
        cacheWriteTokens: 100,
        completionTokens: 300,
        reasoningTokens: 200,
      },
      { ...price, reasoningRatio: '2' },
      '1',
    );
    // (500 + 400×0.5 + 100×1.25 + 100×4 + 200×2) × 1.25 = 1625 × 1.25 = 2031.25 → 2032
    expect(q).toBe(2032n);
  });

  it('handles amounts beyond 2^53', () => {
    const q = tokenQuota(
      { promptTokens: 2_000_000_000, completionTokens: 0 },
      { ...price, modelRatio: '999999999' },
      '1000',
    );
    expect(q).toBe(2_000_000_000n * 999_999_999n * 1000n);
  });

  it('adds per-call quota and fixed prices', () => {
    expect(
      tokenQuota({ promptTokens: 0, completionTokens: 0 }, { ...price, perCallQuota: '20000' }, '1'),
    ).toBe(20000n);
    expect(fixedQuota('20000', 3, '1.5')).toBe(90000n);
  });

  it('converts ratios and money', () => {
    expect(parseRatio('1.25')).toBe(1_250_000_000n);
    expect(formatRatio(1_250_000_000n)).toBe('1.25');
    expect(() => parseRatio('-1')).toThrow();
    expect(() => parseRatio('1e3')).toThrow();
    expect(ratioFromUsdPerMillion('2.5')).toBe('1.25');
    expect(quotaToUsd(500_000n)).toBe('1.000000');
    expect(quotaToUsd(1n)).toBe('0.000002');
    expect(usdToQuota('10.5')).toBe(5_250_000n);
  });
});
