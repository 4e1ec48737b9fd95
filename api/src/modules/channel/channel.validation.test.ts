import { providerInfo } from '@switchboard/shared/providers';
import { describe, expect, it } from 'vitest';
import { validateBaseUrl, validateKeys } from './channel.validation.js';

const provider = (type: string) => {
  const p = providerInfo(type);
  if (!p) throw new Error(`no provider ${type}`);
  return p;
};

describe('validateBaseUrl', () => {
  it('accepts ws:// and wss:// for a provider whose default base URL is a WebSocket (Spark)', () => {
    expect(validateBaseUrl('wss://spark-api.xf-yun.com', provider('spark'))).toBe(
      'wss://spark-api.xf-yun.com',
    );
    expect(validateBaseUrl('ws://127.0.0.1:9000/', provider('spark'))).toBe('ws://127.0.0.1:9000');
    expect(validateBaseUrl(null, provider('spark'))).toBe('wss://spark-api.xf-yun.com');
  });

  it('refuses WebSocket URLs for HTTP providers', () => {
    expect(() => validateBaseUrl('wss://api.anthropic.com', provider('anthropic'))).toThrow(/Scheme/);
  });
});

describe('validateKeys', () => {
  it("checks a key against the provider's keyPattern (Zhipu id.secret)", () => {
    expect(validateKeys(['abc123.secretXYZ'], provider('zhipu'))).toEqual(['abc123.secretXYZ']);
    expect(() => validateKeys(['no-dot-here'], provider('zhipu'))).toThrow(/Key #1/);
    expect(() => validateKeys(['a.b.c'], provider('zhipu'))).toThrow(/Key #1/);
  });

  it('keeps keys of providers without a keyPattern to the "|" parts check', () => {
    expect(validateKeys(['sk-anything.with.dots'], provider('openai'))).toEqual(['sk-anything.with.dots']);
    expect(() => validateKeys(['ak-only'], provider('baidu'))).toThrow(/Key #1/);
  });

  it('accepts Bedrock keys with or without the optional session token (2–3 parts), nothing else', () => {
    const bedrock = provider('bedrock');
    const longLived = 'AKIAEXAMPLE|secretAccessKeyExample';
    const temporary = 'ASIAEXAMPLE|secretAccessKeyExample|sessionTokenExample';
    expect(validateKeys([longLived, temporary], bedrock)).toEqual([longLived, temporary]);
    for (const bad of ['AKIAEXAMPLE', 'ASIAEXAMPLE|secret|token|extra', 'ASIAEXAMPLE|secret|']) {
      let err: unknown;
      try {
        validateKeys([bad], bedrock);
      } catch (e) {
        err = e;
      }
      expect(err, bad).toMatchObject({ code: 'BAD_USER_INPUT', field: 'keys' });
      expect((err as Error).message).toMatch(/Key #1 .*2 to 3 part\(s\)/);
    }
  });

  it('keeps exact-count providers exact (Spark: 3 parts only)', () => {
    expect(() => validateKeys(['app|key'], provider('spark'))).toThrow(/\(3 part\(s\)/);
    expect(() => validateKeys(['app|key|secret|more'], provider('spark'))).toThrow(/Key #1/);
  });
});
