import { providerInfo } from '@switchboard/shared/providers';
import { describe, expect, it } from 'vitest';
import { checkKeys } from './check-keys';

describe('checkKeys', () => {
  it('takes Bedrock keys with or without the session token, and refuses 1 or 4 parts', () => {
    const text = [
      'AKIAEXAMPLE|secret',
      'ASIAEXAMPLE|secret|sessionToken',
      'AKIAONLY',
      'ASIA|secret|token|extra',
      '',
    ].join('\n');
    expect(checkKeys(text, providerInfo('bedrock'))).toEqual({
      keys: ['AKIAEXAMPLE|secret', 'ASIAEXAMPLE|secret|sessionToken', 'AKIAONLY', 'ASIA|secret|token|extra'],
      bad: ['AKIAONLY', 'ASIA|secret|token|extra'],
    });
  });

  it('keeps exact-count providers exact and refuses empty parts', () => {
    const { bad } = checkKeys('app|key|secret\napp|key\napp||secret', providerInfo('spark'));
    expect(bad).toEqual(['app|key', 'app||secret']);
  });

  it("checks the provider's keyPattern (Zhipu id.secret) and single-part keys", () => {
    expect(checkKeys('abc.def\nnodot', providerInfo('zhipu')).bad).toEqual(['nodot']);
    expect(checkKeys('sk-one\nsk|two', providerInfo('openai')).bad).toEqual(['sk|two']);
  });
});
