import { randomUUID } from 'node:crypto';
import { request } from 'undici';
import type {
  AdapterContext,
  AdapterRequest,
  AdapterResult,
  Endpoint,
  ProviderAdapter,
  StreamPart,
} from '../contract.js';
import { UpstreamError } from '../contract.js';
import {
  isRecord,
  joinUrl,
  parseJson,
  primeStream,
  readText,
  transportError,
  type UpstreamResponse,
} from '../upstream-http.js';
import { bedrockError, bedrockErrorType } from './bedrock-error.js';
import { parseAwsKey, signAwsRequest } from './bedrock-sigv4.js';
import { toChatCompletion } from './converse-response.js';
import { ConverseStreamConverter } from './converse-stream.js';
import { toConverseRequest } from './convert-to-converse-request.js';
import { EventStreamDecoder, EventStreamError } from './event-stream-decoder.js';

/**
 * AWS Bedrock Runtime through the Converse API (one request shape for every model family
 * Bedrock hosts): `POST /model/{modelId}/converse` and `/converse-stream`, SigV4-signed
 * (service `bedrock`), the stream in AWS's binary event-stream framing.
 */
const DEFAULT_REGION = 'us-east-1';
const AWS_HOST = /bedrock-runtime(-fips)?\.([a-z0-9-]+)\.amazonaws\.com/;

/**
 * Region and base URL of a channel. The region field wins; without one, the region is read
 * from an AWS base URL. An AWS base URL of another region is moved to the region's host: the
 * api fills in the us-east-1 default when the admin leaves the URL empty, and a signature
 * scoped to one region is refused by another. Other hosts (proxies, tests) are kept as they are.
 */
export function bedrockEndpoint(channel: { baseUrl: string; config: Record<string, unknown> }): {
  region: string;
  baseUrl: string;
} {
  const configured = typeof channel.config.region === 'string' ? channel.config.region.trim() : '';
  const raw = channel.baseUrl.trim();
  const region = configured || AWS_HOST.exec(raw)?.[2] || DEFAULT_REGION;
  if (!raw) return { region, baseUrl: `https://bedrock-runtime.${region}.amazonaws.com` };
  return {
    region,
    baseUrl: raw.replace(
      AWS_HOST,
      (_m, fips: string | undefined) => `bedrock-runtime${fips ?? ''}.${region}.amazonaws.com`,
    ),
  };
}

async function send(
  ctx: AdapterContext,
  model: string,
  action: 'converse' | 'converse-stream',
  body: Record<string, unknown>,
): Promise<UpstreamResponse> {
  const credentials = parseAwsKey(ctx.key);
  if (!credentials)
    throw new UpstreamError({
      status: 401,
      type: 'authentication_error',
      code: 'invalid_upstream_key',
      message: 'The upstream channel key is malformed.',
      retryable: true,
      fatal: 'key',
      upstreamStatus: 0,
      detail: 'bedrock: key is not AccessKeyId|SecretAccessKey[|SessionToken]',
    });
  const { region, baseUrl } = bedrockEndpoint(ctx.channel);
  const url = new URL(joinUrl(baseUrl, `/model/${encodeURIComponent(model)}/${action}`));
  const text = JSON.stringify(body);
  const signed = signAwsRequest({
    method: 'POST',
    url,
    headers: {
      'content-type': 'application/json',
      accept: action === 'converse' ? 'application/json' : 'application/vnd.amazon.eventstream',
    },
    body: text,
    credentials,
    region,
    service: 'bedrock',
  });
  try {
    // Unsigned extras first: the signed headers must reach AWS exactly as signed.
    return await request(url, {
      method: 'POST',
      headers: { ...ctx.passthroughHeaders, ...ctx.channel.headers, ...signed },
      body: text,
      dispatcher: ctx.dispatcher,
      signal: ctx.signal,
    });
  } catch (err) {
    throw transportError(err, ctx);
  }
}

async function failIfNotOk(res: UpstreamResponse, ctx: AdapterContext): Promise<void> {
  if (res.statusCode >= 200 && res.statusCode < 300) return;
  const text = await readText(res, ctx);
  throw bedrockError(
    res.statusCode,
    bedrockErrorType(res.headers['x-amzn-errortype'], parseJson(text)),
    text,
    ctx.key,
  );
}

function completionId(res: UpstreamResponse): string {
  const rid = res.headers['x-amzn-requestid'];
  return `chatcmpl-${typeof rid === 'string' && rid ? rid : randomUUID()}`;
}

function streamBroken(detail: string): UpstreamError {
  return new UpstreamError({
    status: 502,
    type: 'upstream_error',
    code: 'upstream_stream_truncated',
    message: 'The upstream stream ended early.',
    retryable: true,
    fatal: null,
    upstreamStatus: 200,
    detail,
  });
}

export const bedrockAdapter: ProviderAdapter = {
  type: 'bedrock',
  endpoints: new Set<Endpoint>(['chat.completions']),

  async execute(req: AdapterRequest, ctx: AdapterContext): Promise<AdapterResult> {
    if (req.endpoint !== 'chat.completions')
      throw new UpstreamError({
        status: 400,
        type: 'invalid_request_error',
        code: 'unsupported_endpoint',
        message: `This model's provider does not support ${req.endpoint}.`,
        retryable: false,
        fatal: null,
        upstreamStatus: 0,
        detail: `bedrock: ${req.endpoint} not supported`,
      });
    const body = await toConverseRequest(req.body, ctx, ctx.log);

    if (!req.stream) {
      const res = await send(ctx, req.model, 'converse', body);
      await failIfNotOk(res, ctx);
      const text = await readText(res, ctx);
      const parsed = parseJson(text);
      if (!isRecord(parsed) || !isRecord(parsed.output))
        throw bedrockError(502, 'InternalServerException', text, ctx.key);
      const completion = toChatCompletion(parsed, req.model, completionId(res));
      return { kind: 'json', status: 200, body: completion, usage: completion.usage ?? null };
    }

    const res = await send(ctx, req.model, 'converse-stream', body);
    await failIfNotOk(res, ctx);
    const converter = new ConverseStreamConverter(
      completionId(res),
      req.model,
      req.clientWantsStreamUsage,
      ctx.key,
    );
    async function* parts(): AsyncGenerator<StreamPart> {
      const decoder = new EventStreamDecoder();
      const iterator = res.body[Symbol.asyncIterator]();
      let ended = false;
      try {
        for (;;) {
          let next: IteratorResult<Buffer>;
          try {
            next = await iterator.next();
          } catch (err) {
            ended = true;
            throw transportError(err, ctx);
          }
          if (next.done) break;
          let messages: ReturnType<EventStreamDecoder['push']>;
          try {
            messages = decoder.push(next.value);
          } catch (err) {
            if (err instanceof EventStreamError) throw streamBroken(`bedrock event stream: ${err.message}`);
            throw err;
          }
          for (const m of messages)
            for (const chunk of converter.accept(m)) yield { data: JSON.stringify(chunk) };
        }
        ended = true;
      } finally {
        // Left early (client gone): an unread body would hold its connection.
        if (!ended) await iterator.return?.();
      }
      if (!converter.stopped)
        throw streamBroken(`bedrock stream ended without messageStop (${decoder.pending} bytes pending)`);
      // The deliverer writes parts as they are: the closing [DONE] is ours to send.
      yield { data: '[DONE]' };
    }
    return {
      kind: 'stream',
      parts: await primeStream(parts()),
      usage: () => converter.usage(),
      completionText: () => converter.completionText(),
    };
  },
};
