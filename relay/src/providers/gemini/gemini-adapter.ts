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
  sendUpstream,
  sseEvents,
} from '../upstream-http.js';
import { toGeminiRequest } from './convert-to-gemini-request.js';
import { geminiEmbeddings } from './gemini-embeddings.js';
import { geminiError } from './gemini-error.js';
import { toChatCompletion } from './gemini-response.js';
import { GeminiStreamConverter } from './gemini-stream.js';

/**
 * Google Gemini API (generativelanguage.googleapis.com), version v1beta by default (channel
 * field `apiVersion`): generateContent, streamGenerateContent?alt=sse, embedContent,
 * batchEmbedContents and the models list. The key travels in `x-goog-api-key`, never in the
 * URL, so it cannot end up in a logged URL.
 */
function apiVersion(ctx: AdapterContext): string {
  const v = ctx.channel.config.apiVersion;
  return typeof v === 'string' && /^v\d+(?:beta|alpha)?\d*$/.test(v) ? v : 'v1beta';
}

/** The base URL without a version path an admin may have copied from the docs. */
function origin(ctx: AdapterContext): string {
  return ctx.channel.baseUrl.replace(/\/+$/, '').replace(/\/v\d+(?:beta|alpha)?\d*$/, '');
}

function headers(ctx: AdapterContext): Record<string, string> {
  return { 'x-goog-api-key': ctx.key };
}

function modelUrl(ctx: AdapterContext, model: string) {
  const id = encodeURIComponent(model.replace(/^models\//, ''));
  return (method: string, query = '') =>
    joinUrl(origin(ctx), `/${apiVersion(ctx)}/models/${id}:${method}${query}`);
}

export const geminiAdapter: ProviderAdapter = {
  type: 'gemini',
  endpoints: new Set<Endpoint>(['chat.completions', 'embeddings']),

  async execute(req: AdapterRequest, ctx: AdapterContext): Promise<AdapterResult> {
    const url = modelUrl(ctx, req.model);
    if (req.endpoint === 'embeddings') return geminiEmbeddings(req, ctx, url, headers(ctx));
    if (req.endpoint !== 'chat.completions')
      throw new UpstreamError({
        status: 400,
        type: 'invalid_request_error',
        code: 'unsupported_endpoint',
        message: `This model's provider does not support ${req.endpoint}.`,
        retryable: false,
        fatal: null,
        upstreamStatus: 0,
        detail: `gemini: ${req.endpoint} not supported`,
      });

    const body = await toGeminiRequest(req.body, req.model, ctx);
    const target = req.stream ? url('streamGenerateContent', '?alt=sse') : url('generateContent');
    const res = await sendUpstream(ctx, target, { headers: headers(ctx), body });
    if (res.statusCode < 200 || res.statusCode >= 300)
      throw geminiError(res.statusCode, await readText(res, ctx), ctx.key);

    if (!req.stream) {
      const text = await readText(res, ctx);
      const parsed = parseJson(text);
      if (!isRecord(parsed)) throw geminiError(502, text, ctx.key);
      if (isRecord(parsed.error)) throw geminiError(500, text, ctx.key);
      const completion = toChatCompletion(parsed, req.model);
      return { kind: 'json', status: 200, body: completion, usage: completion.usage ?? null };
    }

    const converter = new GeminiStreamConverter(req.model, req.clientWantsStreamUsage, ctx.key);
    async function* parts(): AsyncGenerator<StreamPart> {
      for await (const ev of sseEvents(res, ctx)) {
        for (const chunk of converter.accept(parseJson(ev.data))) yield { data: JSON.stringify(chunk) };
      }
      if (!converter.anyFinished)
        throw new UpstreamError({
          status: 502,
          type: 'upstream_error',
          code: 'upstream_stream_truncated',
          message: 'The upstream stream ended early.',
          retryable: true,
          fatal: null,
          upstreamStatus: 200,
          detail: 'gemini stream ended without a finishReason',
        });
      for (const chunk of converter.end()) yield { data: JSON.stringify(chunk) };
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

  async listModels(ctx: AdapterContext): Promise<string[]> {
    const ids: string[] = [];
    let pageToken = '';
    for (let page = 0; page < 20; page++) {
      const q = `?pageSize=1000${pageToken ? `&pageToken=${encodeURIComponent(pageToken)}` : ''}`;
      const res = await sendUpstream(ctx, joinUrl(origin(ctx), `/${apiVersion(ctx)}/models${q}`), {
        headers: headers(ctx),
      });
      const text = await readText(res, ctx);
      if (res.statusCode !== 200) throw geminiError(res.statusCode, text, ctx.key);
      const body = parseJson(text);
      const models = isRecord(body) && Array.isArray(body.models) ? body.models : [];
      for (const m of models)
        if (isRecord(m) && typeof m.name === 'string') ids.push(m.name.replace(/^models\//, ''));
      pageToken = isRecord(body) && typeof body.nextPageToken === 'string' ? body.nextPageToken : '';
      if (!pageToken) break;
    }
    return ids;
  },
};
