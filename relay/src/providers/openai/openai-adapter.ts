import type {
  AdapterContext,
  AdapterRequest,
  AdapterResult,
  Endpoint,
  ProviderAdapter,
} from '../contract.js';
import { dispatchUpstream, type UpstreamReply } from '../upstream-dispatch.js';
import { mapOpenAIError, mapTransportError } from './openai-error.js';
import { openaiStream } from './openai-stream.js';
import { extractUsage, normalizeUsage } from './openai-usage.js';

/**
 * The OpenAI-compatible adapter: OpenAI itself and every provider that speaks its wire format
 * (DeepSeek, Moonshot, Doubao, Ollama, Mistral, Groq, OpenRouter, SiliconFlow, xAI, custom).
 * Bytes go through untouched where possible: the client's JSON when the body did not change,
 * the upstream's JSON and SSE data as they came. `sendOpenAIRequest` and
 * `readOpenAIResponse` are exported for adapters that only differ in URL and auth (Azure).
 */
const ENDPOINTS: ReadonlySet<Endpoint> = new Set<Endpoint>([
  'chat.completions',
  'completions',
  'embeddings',
  'images.generations',
  'audio.speech',
  'audio.transcriptions',
  'audio.translations',
  'moderations',
  'responses',
  'responses.get',
  'responses.delete',
  'responses.input_items',
  'responses.cancel',
]);

const PATHS: Record<Endpoint, string> = {
  'chat.completions': '/chat/completions',
  completions: '/completions',
  embeddings: '/embeddings',
  'images.generations': '/images/generations',
  'audio.speech': '/audio/speech',
  'audio.transcriptions': '/audio/transcriptions',
  'audio.translations': '/audio/translations',
  moderations: '/moderations',
  responses: '/responses',
  'responses.get': '/responses',
  'responses.delete': '/responses',
  'responses.input_items': '/responses',
  'responses.cancel': '/responses',
};

/** Sub-resources of a stored response, after its id in the path. */
const SUFFIXES: Partial<Record<Endpoint, string>> = {
  'responses.input_items': '/input_items',
  'responses.cancel': '/cancel',
};

const MAX_ERROR_BODY = 64 * 1024;

/**
 * Mistral's chat API refuses fields it does not list with 422 `extra_forbidden`
 * (https://docs.mistral.ai/api/#tag/chat): `stream_options` (it always puts usage on the last
 * stream chunk anyway) and `max_completion_tokens` (its name is `max_tokens`).
 */
const MISTRAL_TYPES: ReadonlySet<string> = new Set(['mistral']);

function forMistral(body: Record<string, unknown>, ctx: AdapterContext): Record<string, unknown> {
  const { stream_options, max_completion_tokens, ...rest } = body;
  if (stream_options !== undefined) ctx.log.debug('mistral: dropped stream_options (usage comes anyway)');
  if (max_completion_tokens !== undefined && rest.max_tokens === undefined)
    rest.max_tokens = max_completion_tokens;
  return rest;
}

export function openaiPath(req: AdapterRequest): string {
  let path = PATHS[req.endpoint];
  if (req.resourceId) path += `/${encodeURIComponent(req.resourceId)}${SUFFIXES[req.endpoint] ?? ''}`;
  if (req.query) path += `?${req.query}`;
  return path;
}

/** Method and body for an endpoint; adds `stream_options.include_usage` when the channel wants usage. */
export function openaiBody(
  req: AdapterRequest,
  ctx: AdapterContext,
): { method: 'GET' | 'POST' | 'DELETE'; body?: Buffer | string; contentType?: string } {
  if (req.endpoint === 'responses.get' || req.endpoint === 'responses.input_items') return { method: 'GET' };
  if (req.endpoint === 'responses.delete') return { method: 'DELETE' };
  if (req.endpoint === 'responses.cancel') return { method: 'POST' };
  if (req.raw) return { method: 'POST', body: req.raw.body, contentType: req.raw.contentType };
  if (
    MISTRAL_TYPES.has(ctx.channel.type) &&
    ('stream_options' in req.body || 'max_completion_tokens' in req.body)
  )
    return {
      method: 'POST',
      body: JSON.stringify(forMistral(req.body, ctx)),
      contentType: 'application/json',
    };
  const wantsUsage =
    !MISTRAL_TYPES.has(ctx.channel.type) &&
    req.stream &&
    ctx.channel.streamUsage &&
    !req.clientWantsStreamUsage &&
    (req.endpoint === 'chat.completions' || req.endpoint === 'completions');
  if (wantsUsage) {
    const streamOptions = (req.body.stream_options as Record<string, unknown> | null | undefined) ?? {};
    return {
      method: 'POST',
      body: JSON.stringify({ ...req.body, stream_options: { ...streamOptions, include_usage: true } }),
      contentType: 'application/json',
    };
  }
  return { method: 'POST', body: req.bodyBytes ?? JSON.stringify(req.body), contentType: 'application/json' };
}

export interface OpenAIHttpRequest {
  url: string;
  method: 'GET' | 'POST' | 'DELETE';
  headers: Record<string, string>;
  body?: Buffer | string;
}

/** Sends one request with the channel's dispatcher; transport failures become UpstreamError. */
export async function sendOpenAIRequest(
  http: OpenAIHttpRequest,
  ctx: AdapterContext,
): Promise<UpstreamReply> {
  try {
    return await dispatchUpstream(ctx.dispatcher, http.url, http, ctx.signal);
  } catch (err) {
    if (ctx.signal.aborted) throw err;
    throw mapTransportError(err);
  }
}

/** Turns an OpenAI-shaped HTTP response into an AdapterResult (or throws UpstreamError). */
export async function readOpenAIResponse(
  res: UpstreamReply,
  req: AdapterRequest,
  ctx: AdapterContext,
): Promise<AdapterResult> {
  const contentType = String(res.headers['content-type'] ?? '');
  if (res.statusCode >= 400) {
    let text = '';
    try {
      for await (const chunk of res.body) {
        if (text.length < MAX_ERROR_BODY) text += Buffer.from(chunk).toString('utf8');
      }
    } catch {
      /* body cut: map what we have */
    }
    throw mapOpenAIError(res.statusCode, text);
  }
  if (contentType.includes('text/event-stream')) {
    // GET /responses/{id}?stream=true replays the response's events.
    const flavor = req.endpoint === 'responses' || req.endpoint === 'responses.get' ? 'responses' : 'chat';
    return openaiStream(res.body, {
      flavor,
      stripUsageChunk: !req.clientWantsStreamUsage,
      mapError: (err) => (ctx.signal.aborted ? err : mapTransportError(err)),
    });
  }
  if (!contentType.includes('json')) {
    return {
      kind: 'binary',
      status: res.statusCode,
      contentType: contentType || 'application/octet-stream',
      body: res.body,
      usage: null,
    };
  }
  let buf: Buffer;
  try {
    buf = await res.body.buffer();
  } catch (err) {
    if (ctx.signal.aborted) throw err;
    throw mapTransportError(err);
  }
  if (req.endpoint === 'responses') {
    let id: string | undefined;
    let usage = null;
    try {
      const parsed = JSON.parse(buf.toString('utf8')) as { id?: string; usage?: unknown };
      id = parsed.id;
      usage = normalizeUsage(parsed.usage);
    } catch {
      /* not our business to judge; forwarded as is */
    }
    return { kind: 'json', status: res.statusCode, body: buf, usage, responseId: id };
  }
  return { kind: 'json', status: res.statusCode, body: buf, usage: extractUsage(buf) };
}

export function openaiHeaders(ctx: AdapterContext, contentType: string | undefined): Record<string, string> {
  const headers: Record<string, string> = { ...ctx.passthroughHeaders, ...ctx.channel.headers };
  headers.authorization = `Bearer ${ctx.key}`;
  if (contentType) headers['content-type'] = contentType;
  return headers;
}

export function createOpenAICompatibleAdapter(type: string): ProviderAdapter {
  return {
    type,
    endpoints: ENDPOINTS,
    async execute(req, ctx) {
      const { method, body, contentType } = openaiBody(req, ctx);
      const res = await sendOpenAIRequest(
        {
          url: ctx.channel.baseUrl + openaiPath(req),
          method,
          headers: openaiHeaders(ctx, contentType),
          body,
        },
        ctx,
      );
      return readOpenAIResponse(res, req, ctx);
    },
    async listModels(ctx) {
      const res = await sendOpenAIRequest(
        { url: `${ctx.channel.baseUrl}/models`, method: 'GET', headers: openaiHeaders(ctx, undefined) },
        ctx,
      );
      if (res.statusCode >= 400) throw mapOpenAIError(res.statusCode, await res.body.text());
      const parsed = (await res.body.json()) as { data?: Array<{ id?: unknown }> };
      return (parsed.data ?? []).map((m) => String(m.id)).filter(Boolean);
    },
    // OpenAI-compatible APIs publish no balance endpoint that takes an API key.
    balance: async () => null,
  };
}

export const OPENAI_COMPATIBLE_TYPES = [
  'openai',
  'custom',
  'deepseek',
  'moonshot',
  'doubao',
  'ollama',
  'mistral',
  'groq',
  'openrouter',
  'siliconflow',
  'xai',
] as const;

export const openaiAdapters: ProviderAdapter[] = OPENAI_COMPATIBLE_TYPES.map(createOpenAICompatibleAdapter);
