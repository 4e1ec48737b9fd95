import { Client, Pool } from 'undici';

/**
 * Load generators for the benchmark, on undici (loopback only, bounded in count and time).
 * Latencies are taken with process.hrtime.bigint and reported in microseconds: the gateways
 * under test add far less than a millisecond, which whole-millisecond tools cannot see.
 */
export interface Target {
  name: string;
  /** http://127.0.0.1:PORT */
  origin: string;
  /** e.g. /v1/chat/completions */
  path: string;
  headers: Record<string, string>;
}

export function chatBody(stream: boolean, model = 'gpt-4o-mini'): string {
  return JSON.stringify({
    model,
    messages: [{ role: 'user', content: 'Say hello in one short sentence.' }],
    max_tokens: 32,
    stream,
  });
}

export interface Percentiles {
  n: number;
  p50: number;
  p90: number;
  p99: number;
  mean: number;
}

export function percentiles(samplesUs: number[]): Percentiles {
  const s = [...samplesUs].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? Number.NaN;
  const mean = s.reduce((a, b) => a + b, 0) / Math.max(1, s.length);
  return { n: s.length, p50: at(0.5), p90: at(0.9), p99: at(0.99), mean };
}

const nowUs = () => Number(process.hrtime.bigint() / 1000n);

function headersOf(target: Target): Record<string, string> {
  return { 'content-type': 'application/json', ...target.headers };
}

/**
 * Sequential requests on one keep-alive connection; returns each request's full time
 * (send → last byte) in µs. Throws on the first non-200, with the body.
 */
export async function sequentialLatency(target: Target, body: string, count: number): Promise<number[]> {
  const client = new Client(target.origin, { pipelining: 1, keepAliveTimeout: 60_000 });
  const samples: number[] = [];
  try {
    for (let i = 0; i < count; i++) {
      const t0 = nowUs();
      const res = await client.request({
        method: 'POST',
        path: target.path,
        headers: headersOf(target),
        body,
      });
      const text = await res.body.text();
      const t1 = nowUs();
      if (res.statusCode !== 200)
        throw new Error(`${target.name}: HTTP ${res.statusCode}: ${text.slice(0, 300)}`);
      samples.push(t1 - t0);
    }
  } finally {
    await client.close();
  }
  return samples;
}

/**
 * Sequential streaming requests on one connection; per request the time from sending to the
 * first body chunk (the first SSE event), in µs. Every stream is read to the end and must
 * contain `[DONE]`.
 */
export async function sequentialTtfb(target: Target, body: string, count: number): Promise<number[]> {
  const client = new Client(target.origin, { pipelining: 1, keepAliveTimeout: 60_000 });
  const samples: number[] = [];
  try {
    for (let i = 0; i < count; i++) {
      const t0 = nowUs();
      const res = await client.request({
        method: 'POST',
        path: target.path,
        headers: headersOf(target),
        body,
      });
      let first = 0;
      let text = '';
      for await (const chunk of res.body) {
        if (!first) first = nowUs();
        text += chunk.toString();
      }
      if (res.statusCode !== 200 || !text.includes('[DONE]')) {
        throw new Error(`${target.name}: stream HTTP ${res.statusCode}: ${text.slice(0, 300)}`);
      }
      samples.push(first - t0);
    }
  } finally {
    await client.close();
  }
  return samples;
}

export interface ThroughputResult {
  ok: number;
  errors: number;
  seconds: number;
  rps: number;
  latency: Percentiles;
  firstError: string | null;
}

/** `connections` closed loops for `seconds`: requests per second at saturation. */
export async function saturate(
  target: Target,
  body: string,
  connections: number,
  seconds: number,
): Promise<ThroughputResult> {
  const pool = new Pool(target.origin, { connections, pipelining: 1, keepAliveTimeout: 60_000 });
  const deadline = performance.now() + seconds * 1000;
  const latencies: number[] = [];
  let ok = 0;
  let errors = 0;
  let firstError: string | null = null;
  const start = performance.now();
  const loop = async () => {
    while (performance.now() < deadline) {
      const t0 = nowUs();
      try {
        const res = await pool.request({
          method: 'POST',
          path: target.path,
          headers: headersOf(target),
          body,
        });
        const text = await res.body.text();
        if (res.statusCode === 200) {
          ok++;
          latencies.push(nowUs() - t0);
        } else {
          errors++;
          firstError ??= `HTTP ${res.statusCode}: ${text.slice(0, 200)}`;
        }
      } catch (e) {
        errors++;
        firstError ??= (e as Error).message;
      }
    }
  };
  await Promise.all(Array.from({ length: connections }, loop));
  const elapsed = (performance.now() - start) / 1000;
  await pool.close();
  return { ok, errors, seconds: elapsed, rps: ok / elapsed, latency: percentiles(latencies), firstError };
}

export interface ConcurrentStreamsResult {
  streams: number;
  completed: number;
  errors: number;
  firstError: string | null;
  seconds: number;
}

/**
 * Opens `count` streams at once (one connection each) and reads them to the end.
 * `onTick` runs every 200 ms meanwhile (the benchmark samples the relay's RSS there).
 */
export async function concurrentStreams(
  target: Target,
  body: string,
  count: number,
  onTick: () => void,
): Promise<ConcurrentStreamsResult> {
  const pool = new Pool(target.origin, {
    connections: count,
    pipelining: 1,
    headersTimeout: 120_000,
    bodyTimeout: 120_000,
  });
  const timer = setInterval(onTick, 200);
  let completed = 0;
  let errors = 0;
  let firstError: string | null = null;
  const start = performance.now();
  await Promise.all(
    Array.from({ length: count }, async () => {
      try {
        const res = await pool.request({
          method: 'POST',
          path: target.path,
          headers: headersOf(target),
          body,
        });
        let text = '';
        for await (const chunk of res.body) text += chunk.toString();
        if (res.statusCode === 200 && text.includes('[DONE]')) completed++;
        else {
          errors++;
          firstError ??= `HTTP ${res.statusCode}: ${text.slice(0, 200)}`;
        }
      } catch (e) {
        errors++;
        firstError ??= (e as Error).message;
      }
    }),
  );
  clearInterval(timer);
  onTick();
  await pool.close();
  return { streams: count, completed, errors, firstError, seconds: (performance.now() - start) / 1000 };
}
