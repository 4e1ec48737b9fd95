import { describe, expect, it } from 'vitest';
import { backwardHeaders, forwardHeaders, originAllowed, upstreamFor } from './proxy-helpers.mjs';

describe('same-origin proxy helpers', () => {
  it('routes /graphql to the api and /v1 to the relay, the rest to Next', () => {
    expect(upstreamFor('/graphql')).toBe('api');
    expect(upstreamFor('/v1/chat/completions')).toBe('relay');
    expect(upstreamFor('/v1')).toBe('relay');
    expect(upstreamFor('/v1beta')).toBeNull();
    expect(upstreamFor('/graphqlx')).toBeNull();
    expect(upstreamFor('/channels')).toBeNull();
  });

  it('accepts WebSocket upgrades only from the console origin or a listed one', () => {
    expect(originAllowed('http://console.local:3001', 'console.local:3001', [])).toBe(true);
    expect(originAllowed('https://evil.example', 'console.local:3001', [])).toBe(false);
    expect(originAllowed('https://console.example', 'internal:3001', ['https://console.example'])).toBe(true);
    expect(originAllowed('null', 'console.local:3001', [])).toBe(false);
    expect(originAllowed(undefined, 'console.local:3001', [])).toBe(true);
  });

  it('drops hop-by-hop headers and appends X-Forwarded-For', () => {
    const out = forwardHeaders(
      {
        host: 'c:3001',
        connection: 'keep-alive, x-secret-hop',
        'x-secret-hop': '1',
        cookie: 'sb=1',
        'x-forwarded-for': '1.1.1.1',
        'transfer-encoding': 'chunked',
      },
      { remoteAddress: '10.0.0.2' },
    );
    expect(out).toEqual({
      cookie: 'sb=1',
      'x-forwarded-for': '1.1.1.1, 10.0.0.2',
      'x-forwarded-proto': 'http',
      'x-forwarded-host': 'c:3001',
    });
    expect(
      backwardHeaders({ 'content-type': 'text/event-stream', connection: 'close', 'set-cookie': ['a=1'] }),
    ).toEqual({
      'content-type': 'text/event-stream',
      'set-cookie': ['a=1'],
    });
  });
});
