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
  readText,
  primeStream,
  sendUpstream,
  sseEvents,
  type UpstreamResponse,
} from '../upstream-http.js';
import { anthropicError } from './anthropic-error.js';
import { toChatCompletion } from './anthropic-response.js';
import { AnthropicStreamConverter } from './anthropic-stream.js';
import { toAnthropicRequest } from './convert-to-anthropic-request.js';

/** The Messages API version this adapter speaks (header `anthropic-version`). */
export const ANTHROPIC_VERSION = '2023-06-01';

function headers(ctx: AdapterContext): Record<string, string> {
  const h: Record<string, string> = { 'x-api-key': ctx.key, 'anthropic-version': ANTHROPIC_VERSION };
  const beta = ctx.channel.config.anthropicBeta;
  if (typeof beta === 'string' && beta) h['anthropic-beta'] = beta;
  return h;
}

/** The base URL without a trailing /v1 an admin may have copied from the docs. */
function origin(ctx: AdapterContext): string {
  return ctx.channel.baseUrl.replace(/\/+$/, '').replace(/\/v1$/, '');
}

async function failIfNotOk(res: UpstreamResponse, ctx: AdapterContext): Promise<void> {
  if (res.statusCode >= 200 && res.statusCode < 300) return;
  throw anthropicError(res.statusCode, await readText(res, ctx), ctx.key);
}

export const anthropicAdapter: ProviderAdapter = {
  type: 'anthropic',
  endpoints: new Set<Endpoint>(['chat.completions']),

  async execute(req: AdapterRequest, ctx: AdapterContext): Promise<AdapterResult> {
    if (req.endpoint !== 'chat.completions') throw unsupported(req.endpoint);
    const configured = ctx.channel.config.defaultMaxTokens;
    const body = toAnthropicRequest(
      req.body,
      req.model,
      req.stream,
      ctx.log,
      typeof configured === 'number' && configured > 0 ? configured : undefined,
    );
    const res = await sendUpstream(ctx, joinUrl(origin(ctx), '/v1/messages'), {
      headers: headers(ctx),
      body,
    });
    await failIfNotOk(res, ctx);

    if (!req.stream) {
      const text = await readText(res, ctx);
      const msg = parseJson(text);
      if (!isRecord(msg) || msg.type === 'error')
        throw anthropicError(isRecord(msg) ? 500 : 502, text, ctx.key);
      const completion = toChatCompletion(msg, req.model);
      return { kind: 'json', status: 200, body: completion, usage: completion.usage ?? null };
    }

    const converter = new AnthropicStreamConverter(req.model, req.clientWantsStreamUsage, ctx.key);
    async function* parts(): AsyncGenerator<StreamPart> {
      for await (const ev of sseEvents(res, ctx)) {
        const data = parseJson(ev.data);
        for (const chunk of converter.accept(ev.event, data)) yield { data: JSON.stringify(chunk) };
        if (converter.done) {
          // The deliverer writes parts as they are: the closing [DONE] is ours to send.
          yield { data: '[DONE]' };
          return;
        }
      }
      throw new UpstreamError({
        status: 502,
        type: 'upstream_error',
        code: 'upstream_stream_truncated',
        message: 'The upstream stream ended early.',
        retryable: true,
        fatal: null,
        upstreamStatus: 200,
        detail: 'anthropic stream ended without message_stop',
      });
    }
    return {
      kind: 'stream',
      parts: await primeStream(parts()),
      usage: () => converter.usage(),
      completionText: () => converter.completionText(),
    };
  },

  async listModels(ctx: AdapterContext): Promise<string[]> {
    // GET /v1/models is paginated with after_id / has_more.
    const ids: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 20; page++) {
      const q = `?limit=1000${after ? `&after_id=${encodeURIComponent(after)}` : ''}`;
      const res = await sendUpstream(ctx, joinUrl(origin(ctx), `/v1/models${q}`), {
        headers: headers(ctx),
      });
      await failIfNotOk(res, ctx);
      const body = parseJson(await readText(res, ctx));
      const data = isRecord(body) && Array.isArray(body.data) ? body.data : [];
      for (const m of data) if (isRecord(m) && typeof m.id === 'string') ids.push(m.id);
      if (!isRecord(body) || body.has_more !== true || typeof body.last_id !== 'string') break;
      after = body.last_id;
    }
    return ids;
  },
};

function unsupported(endpoint: string): UpstreamError {
  return new UpstreamError({
    status: 400,
    type: 'invalid_request_error',
    code: 'unsupported_endpoint',
    message: `This model's provider does not support ${endpoint}.`,
    retryable: false,
    fatal: null,
    upstreamStatus: 0,
    detail: `anthropic: ${endpoint} not supported`,
  });
}
