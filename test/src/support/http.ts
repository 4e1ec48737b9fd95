import { Client } from 'undici';

export interface FreshResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/**
 * One request on a connection of its own, closed afterwards. The relay's cluster primary hands
 * each new connection to the next worker (round robin on Linux), so a series of these reaches
 * every worker — which is what "every worker sees the change" tests need.
 */
export async function freshRequest(
  origin: string,
  path: string,
  opts: { method?: 'GET' | 'POST'; headers?: Record<string, string>; body?: string } = {},
): Promise<FreshResponse> {
  const client = new Client(origin, { pipelining: 0 });
  try {
    const res = await client.request({
      method: opts.method ?? (opts.body ? 'POST' : 'GET'),
      path,
      headers: { ...(opts.body ? { 'content-type': 'application/json' } : {}), ...opts.headers },
      body: opts.body,
    });
    return { status: res.statusCode, headers: res.headers, body: await res.body.text() };
  } finally {
    await client.close();
  }
}

/** A small chat completion request body. */
export function chat(model: string, extra: Record<string, unknown> = {}): string {
  return JSON.stringify({ model, messages: [{ role: 'user', content: 'ping' }], max_tokens: 16, ...extra });
}
