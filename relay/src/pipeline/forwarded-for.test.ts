import { type MockOpenAI, startMockOpenAI } from '@switchboard/test/mock-upstreams/openai/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RelayFixture } from '../testing/relay-fixture.js';
import { parseCidrs } from './client-ip.js';
import { forwardedFor } from './forwarded-for.js';

describe('X-Forwarded-For sent upstream', () => {
  const trusted = parseCidrs(['10.0.0.0/8', '192.168.1.1']);

  it('from an untrusted peer: only the peer, whatever the client claims', () => {
    expect(forwardedFor('203.0.113.9', '1.2.3.4', trusted)).toBe('203.0.113.9');
    expect(forwardedFor('::ffff:203.0.113.9', undefined, trusted)).toBe('203.0.113.9');
    expect(forwardedFor('203.0.113.9', '1.2.3.4', [])).toBe('203.0.113.9');
  });

  it('from a trusted proxy: the believed part of the chain (from the client on) plus the peer', () => {
    // 6.6.6.6 was added by the client itself: beyond the first untrusted hop, dropped.
    expect(forwardedFor('10.0.0.1', '6.6.6.6, 198.51.100.7, 10.1.1.1', trusted)).toBe(
      '198.51.100.7, 10.1.1.1, 10.0.0.1',
    );
    expect(forwardedFor('192.168.1.1', ['198.51.100.7', '10.2.2.2'], trusted)).toBe(
      '198.51.100.7, 10.2.2.2, 192.168.1.1',
    );
    // A garbage hop ends the walk: the chain starts after it.
    expect(forwardedFor('10.0.0.1', 'not-an-ip, 10.3.3.3', trusted)).toBe('10.3.3.3, 10.0.0.1');
    expect(forwardedFor('10.0.0.1', undefined, trusted)).toBe('10.0.0.1');
  });

  describe('through the relay', () => {
    const fx = new RelayFixture('xff');
    let mock: MockOpenAI;
    let key: string;

    beforeAll(async () => {
      mock = await startMockOpenAI({ keys: ['sk-upstream-1'] });
      await fx.publishSnapshot([
        {
          id: 1,
          baseUrl: mock.url,
          keys: ['sk-upstream-1'],
          models: ['gpt-4o'],
          passthroughHeaders: ['X-Forwarded-For', 'x-custom'],
        },
        { id: 2, baseUrl: mock.url, keys: ['sk-upstream-1'], models: ['gpt-4o-mini'] },
      ]);
      key = await fx.token({ userId: 1, tokenId: 11, userQuota: 10_000_000 });
      // The test client connects from 127.0.0.1: a trusted proxy here.
      await fx.startInProcess({ TRUSTED_PROXIES: '127.0.0.1,10.0.0.0/8' });
    });
    afterAll(async () => {
      await fx.stop();
      await mock.close();
    });

    async function send(model: string, headers: Record<string, string>) {
      const r = await fetch(`${fx.v1}/chat/completions`, {
        method: 'POST',
        headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ model, messages: [{ role: 'user', content: 'hi' }] }),
      });
      expect(r.status).toBe(200);
      await r.text();
      return mock.requests.at(-1)!.headers;
    }

    it('a channel that passes it through gets the computed chain, not the raw header', async () => {
      const sent = await send('gpt-4o', {
        'x-forwarded-for': '6.6.6.6, 198.51.100.7, 10.1.1.1',
        'x-custom': 'kept',
      });
      expect(sent['x-forwarded-for']).toBe('198.51.100.7, 10.1.1.1, 127.0.0.1');
      expect(sent['x-custom']).toBe('kept');
      // A direct client (no header) still gets one: its own address.
      expect((await send('gpt-4o', {}))['x-forwarded-for']).toBe('127.0.0.1');
    });

    it('a channel that passes nothing sends no X-Forwarded-For', async () => {
      const sent = await send('gpt-4o-mini', { 'x-forwarded-for': '198.51.100.7' });
      expect(sent['x-forwarded-for']).toBeUndefined();
    });
  });
});
