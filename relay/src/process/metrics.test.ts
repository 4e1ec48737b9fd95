import { type MockOpenAI, startMockOpenAI } from '@switchboard/test/mock-upstreams/openai/server';
import OpenAI from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RelayFixture } from '../testing/relay-fixture.js';

interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

/** Prometheus text exposition → samples (comments skipped). */
function parseMetrics(text: string): Sample[] {
  const out: Sample[] = [];
  for (const line of text.split('\n')) {
    const m = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})?\s+(\S+)$/.exec(line);
    if (!m) continue;
    const labels: Record<string, string> = {};
    for (const l of (m[2] ?? '').matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)) labels[l[1]!] = l[2]!;
    out.push({ name: m[1]!, labels, value: Number(m[3]) });
  }
  return out;
}

/** Sum of the samples named `name` whose labels include `match`. */
function total(samples: Sample[], name: string, match: Record<string, string> = {}): number {
  return samples
    .filter((s) => s.name === name && Object.entries(match).every(([k, v]) => s.labels[k] === v))
    .reduce((sum, s) => sum + s.value, 0);
}

describe('/metrics after real traffic (RELAY_WORKERS=2)', () => {
  const fx = new RelayFixture('metrics');
  let mock: MockOpenAI;
  let failing: MockOpenAI;
  let client: OpenAI;

  beforeAll(async () => {
    mock = await startMockOpenAI();
    failing = await startMockOpenAI({ mode: { error: 'server_error' } });
    await fx.publishSnapshot([
      { id: 1, baseUrl: mock.url, keys: ['sk-a'], models: ['gpt-4o'] },
      // gpt-4o-mini: the preferred channel answers 500, the request fails over.
      { id: 3, baseUrl: failing.url, keys: ['sk-bad'], models: ['gpt-4o-mini'], priority: 10 },
      { id: 4, baseUrl: mock.url, keys: ['sk-a'], models: ['gpt-4o-mini'], priority: 0 },
    ]);
    const key = await fx.token({ userId: 1, tokenId: 1, userQuota: 100_000_000 });
    await fx.startCluster(2);
    client = new OpenAI({ apiKey: key, baseURL: fx.v1, maxRetries: 0 });
  }, 60_000);
  afterAll(async () => {
    await fx.stop();
    await Promise.all([mock.close(), failing.close()]);
  });

  it('latency and TTFT histograms, tokens by model and kind, retries after a failover', async () => {
    const params = { model: 'gpt-4o', messages: [{ role: 'user' as const, content: 'hello' }] };
    // Concurrent, so more than one connection and, through the primary, both workers.
    await Promise.all([
      ...Array.from({ length: 4 }, () => client.chat.completions.create(params)),
      ...Array.from({ length: 4 }, async () => {
        const stream = await client.chat.completions.create({ ...params, stream: true });
        for await (const _ of stream);
      }),
    ]);
    const r = await client.chat.completions.create({ ...params, model: 'gpt-4o-mini' });
    expect(r.choices[0]!.message.content).toBeTruthy();
    const records = await fx.waitForRecords(9);
    expect(records).toHaveLength(9);
    const failover = records.find((x) => x.model === 'gpt-4o-mini')!;
    expect(failover.attempts.map((a) => [a.channelId, a.status])).toEqual([
      [3, 500],
      [4, 200],
    ]);

    // Metrics are updated right after each settlement: poll until all nine are in.
    let samples: Sample[] = [];
    const deadline = Date.now() + 10_000;
    for (;;) {
      const res = await fetch(`${fx.url}/metrics`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toContain('text/plain');
      samples = parseMetrics(await res.text());
      const done = total(samples, 'relay_request_duration_seconds_count', { endpoint: 'chat.completions' });
      if (done >= 9 || Date.now() > deadline) break;
      await new Promise((r) => setTimeout(r, 100));
    }

    // Whole-request latency: one observation per request, split by stream.
    const lat = { endpoint: 'chat.completions' };
    expect(total(samples, 'relay_request_duration_seconds_count', { ...lat, stream: 'false' })).toBe(5);
    expect(total(samples, 'relay_request_duration_seconds_count', { ...lat, stream: 'true' })).toBe(4);
    expect(total(samples, 'relay_request_duration_seconds_sum', lat)).toBeGreaterThan(0);
    expectHistogram(samples, 'relay_request_duration_seconds', { ...lat, stream: 'false' }, 5);
    expectHistogram(samples, 'relay_request_duration_seconds', { ...lat, stream: 'true' }, 4);

    // Time to first token: streams only.
    expect(total(samples, 'relay_time_to_first_token_seconds_count', { model: 'gpt-4o' })).toBe(4);
    expect(total(samples, 'relay_time_to_first_token_seconds_count', { model: 'gpt-4o-mini' })).toBe(0);
    expectHistogram(samples, 'relay_time_to_first_token_seconds', { model: 'gpt-4o' }, 4);

    // Tokens billed, exactly what the usage records say.
    for (const model of ['gpt-4o', 'gpt-4o-mini']) {
      const mine = records.filter((x) => x.model === model);
      expect(total(samples, 'relay_tokens_total', { model, kind: 'prompt' })).toBe(
        mine.reduce((s, x) => s + x.promptTokens, 0),
      );
      expect(total(samples, 'relay_tokens_total', { model, kind: 'completion' })).toBe(
        mine.reduce((s, x) => s + x.completionTokens, 0),
      );
    }
    expect(total(samples, 'relay_tokens_total', { model: 'gpt-4o', kind: 'completion' })).toBeGreaterThan(0);

    // One retry, on the channel that failed, labelled with the upstream status.
    expect(total(samples, 'relay_upstream_retries_total')).toBe(1);
    expect(total(samples, 'relay_upstream_retries_total', { channel: '3', reason: '500' })).toBe(1);

    expect(
      total(samples, 'relay_requests_total', { model: 'gpt-4o-mini', channel: '4', status: '200' }),
    ).toBe(1);
    expect(total(samples, 'relay_requests_total', { model: 'gpt-4o', status: '200' })).toBe(8);
  });
});

/** Cumulative buckets: never decreasing, the +Inf bucket equals _count. */
function expectHistogram(samples: Sample[], name: string, labels: Record<string, string>, count: number) {
  const buckets = samples
    .filter((s) => s.name === `${name}_bucket` && Object.entries(labels).every(([k, v]) => s.labels[k] === v))
    .map((s) => ({ le: s.labels.le === '+Inf' ? Number.POSITIVE_INFINITY : Number(s.labels.le), n: s.value }))
    .sort((a, b) => a.le - b.le);
  expect(buckets.length).toBeGreaterThan(5);
  for (let i = 1; i < buckets.length; i++) expect(buckets[i]!.n).toBeGreaterThanOrEqual(buckets[i - 1]!.n);
  expect(buckets.at(-1)).toEqual({ le: Number.POSITIVE_INFINITY, n: count });
}
