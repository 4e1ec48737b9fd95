import type { ModelPrice } from '@switchboard/shared/relay-config';
import type { RoutingIndex } from '../config-store/routing-index.js';
import { RelayError } from '../http/relay-error.js';

export function parseJsonBody(raw: Buffer): Record<string, unknown> {
  let body: unknown;
  try {
    body = JSON.parse(raw.toString('utf8'));
  } catch {
    throw new RelayError('invalid_request', 'We could not parse the JSON body of your request.');
  }
  if (!body || typeof body !== 'object' || Array.isArray(body))
    throw new RelayError('invalid_request', 'The request body must be a JSON object.');
  return body as Record<string, unknown>;
}

/** Text fields of a multipart/form-data body (files skipped), without copying the file bytes. */
export function multipartFields(raw: Buffer, contentType: string): Record<string, string> {
  const m = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(contentType);
  if (!m) throw new RelayError('invalid_request', 'multipart/form-data body without a boundary.');
  const boundary = Buffer.from(`--${m[1] ?? m[2]}`);
  const out: Record<string, string> = {};
  let pos = raw.indexOf(boundary);
  while (pos !== -1) {
    const headerStart = pos + boundary.length + 2;
    const headerEnd = raw.indexOf('\r\n\r\n', headerStart);
    if (headerEnd === -1) break;
    const headers = raw.subarray(headerStart, headerEnd).toString('utf8');
    const next = raw.indexOf(boundary, headerEnd);
    if (next === -1) break;
    const name = /name="([^"]*)"/i.exec(headers)?.[1];
    if (name && !/filename=/i.test(headers))
      out[name] = raw.subarray(headerEnd + 4, next - 2).toString('utf8');
    pos = next;
  }
  return out;
}

export function requireModel(body: Record<string, unknown>): string {
  const model = body.model;
  if (typeof model !== 'string' || model === '')
    throw new RelayError('invalid_request', 'You must provide a model parameter.');
  return model;
}

/** The model's price; the default ratio when the admin set one; otherwise the model is refused. */
export function priceFor(index: RoutingIndex, model: string): ModelPrice {
  const price = index.prices.get(model);
  if (price) return price;
  const ratio = index.options.defaultModelRatio;
  if (ratio === null)
    throw new RelayError('model_not_found', `The model \`${model}\` has no price on this gateway.`);
  return {
    model,
    modelRatio: ratio,
    completionRatio: '1',
    cachedRatio: '1',
    cacheWriteRatio: '1',
    reasoningRatio: null,
    perCallQuota: '0',
    imagePrices: {},
    audioPerMinuteQuota: null,
    audioPer1kCharsQuota: null,
    defaultMaxOutputTokens: 4096,
  };
}
