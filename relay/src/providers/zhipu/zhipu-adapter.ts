import {
  type ChatCompletionChunk,
  type EmbeddingResponse,
  type FinishReason,
  floatsToBase64,
} from '@switchboard/shared/openai';
import type {
  AdapterContext,
  AdapterRequest,
  AdapterResult,
  Endpoint,
  ProviderAdapter,
  StreamPart,
} from '../contract.js';
import { ChunkBuilder, streamResult, usageOf } from '../cn-common/chunk-builder.js';
import { upstreamError } from '../cn-common/error-kinds.js';
import { chunkId, peekFirst } from '../cn-common/stream-peek.js';
import type { SseEvent } from '../../streaming/sse-decoder.js';
import {
  isRecord,
  joinUrl,
  nowSeconds,
  parseJson,
  readText,
  sendUpstream,
  sseEvents,
  type UpstreamResponse,
} from '../upstream-http.js';
import { zhipuJwtCacheKey, zhipuToken } from './zhipu-auth.js';
import { isZhipuTokenError, zhipuError } from './zhipu-error.js';
import { toZhipuChatBody } from './convert-to-zhipu-request.js';

/**
 * Zhipu GLM through the open platform API v4: `/api/paas/v4/chat/completions` and
 * `/api/paas/v4/embeddings`, both OpenAI-like, with a JWT signed from the "id.secret" key.
 */
const CHAT_PATH = '/api/paas/v4/chat/completions';
const EMBED_PATH = '/api/paas/v4/embeddings';

type ToolCallDelta = NonNullable<ChatCompletionChunk['choices'][number]['delta']['tool_calls']>[number];

export const zhipuAdapter: ProviderAdapter = {
  type: 'zhipu',
  endpoints: new Set<Endpoint>(['chat.completions', 'embeddings']),
  async execute(req, ctx) {
    if (req.endpoint === 'embeddings') return embeddings(req, ctx);
    if (req.endpoint === 'chat.completions') return chat(req, ctx);
    throw upstreamError(
      'bad_request',
      0,
      `zhipu: endpoint ${req.endpoint} unsupported`,
      'Not supported by this provider.',
    );
  },
};

/** Sends with the cached JWT; a JWT the server refuses as expired/invalid is re-signed once. */
async function send(
  ctx: AdapterContext,
  path: string,
  body: unknown,
): Promise<{ res: UpstreamResponse; text: string | null }> {
  for (let attempt = 0; ; attempt++) {
    const token = await zhipuToken(ctx);
    const res = await sendUpstream(ctx, joinUrl(ctx.channel.baseUrl, path), {
      method: 'POST',
      headers: { authorization: `Bearer ${token}` },
      body,
    });
    if (res.statusCode === 200) return { res, text: null };
    const text = await readText(res, ctx);
    if (attempt === 0 && res.statusCode === 401 && isZhipuTokenError(text)) {
      ctx.cache.delete(zhipuJwtCacheKey(ctx));
      continue;
    }
    return { res, text };
  }
}

async function chat(req: AdapterRequest, ctx: AdapterContext): Promise<AdapterResult> {
  const { res, text } = await send(ctx, CHAT_PATH, toZhipuChatBody(req.body, req.model, req.stream, ctx.log));
  if (text !== null) throw zhipuError(res.statusCode, text, ctx.key);
  if (!String(res.headers['content-type'] ?? '').includes('text/event-stream')) {
    const body = await readText(res, ctx);
    const parsed = parseJson(body);
    if (!isRecord(parsed) || !Array.isArray(parsed.choices))
      throw zhipuError(isRecord(parsed) && parsed.error ? 400 : 502, body, ctx.key);
    if (req.stream) throw zhipuError(502, 'expected an event stream', ctx.key);
    // GLM's "network_error" finish: inference failed; the partial answer is not a reply.
    const first = (parsed.choices as unknown[])[0];
    if (isRecord(first) && first.finish_reason === 'network_error')
      throw upstreamError(
        'server',
        500,
        'zhipu: finish_reason network_error',
        'The upstream provider failed.',
      );
    return completion(parsed, req);
  }
  const { first, rest } = await peekFirst(frames(sseEvents(res, ctx), ctx));
  const builder = new ChunkBuilder(
    first && typeof first.id === 'string' ? first.id : chunkId(),
    req.model,
    req.clientWantsStreamUsage,
  );
  return streamResult(relay(first, rest, builder, req), builder);
}

function completion(parsed: Record<string, unknown>, req: AdapterRequest): AdapterResult {
  const choice = isRecord((parsed.choices as unknown[])[0])
    ? ((parsed.choices as unknown[])[0] as Record<string, unknown>)
    : {};
  const msg = isRecord(choice.message) ? choice.message : {};
  const message: Record<string, unknown> = {
    role: 'assistant',
    content: typeof msg.content === 'string' ? msg.content : null,
  };
  if (typeof msg.reasoning_content === 'string' && msg.reasoning_content)
    message.reasoning_content = msg.reasoning_content;
  if (Array.isArray(msg.tool_calls) && msg.tool_calls.length > 0)
    message.tool_calls = msg.tool_calls.filter(isRecord).map((c, i) => {
      const fn = isRecord(c.function) ? c.function : {};
      return {
        id: typeof c.id === 'string' ? c.id : `call_${i}`,
        type: 'function',
        function: { name: String(fn.name ?? ''), arguments: String(fn.arguments ?? '') },
      };
    });
  const usage = usageFrom(parsed);
  return {
    kind: 'json',
    status: 200,
    body: {
      id: typeof parsed.id === 'string' ? parsed.id : chunkId(),
      object: 'chat.completion',
      created: typeof parsed.created === 'number' ? parsed.created : nowSeconds(),
      model: req.model,
      choices: [
        { index: 0, message, finish_reason: finishOf(choice.finish_reason) ?? 'stop', logprobs: null },
      ],
      usage: usage ?? undefined,
    },
    usage,
  };
}

async function* frames(
  events: AsyncGenerator<SseEvent>,
  ctx: AdapterContext,
): AsyncGenerator<Record<string, unknown>> {
  for await (const ev of events) {
    if (ev.data === '[DONE]') return;
    const frame = parseJson(ev.data);
    if (!isRecord(frame)) {
      ctx.log.debug('zhipu: skipped a non-JSON stream frame');
      continue;
    }
    if (isRecord(frame.error)) throw zhipuError(500, ev.data, ctx.key);
    yield frame;
  }
}

async function* relay(
  first: Record<string, unknown> | undefined,
  rest: AsyncGenerator<Record<string, unknown>>,
  b: ChunkBuilder,
  req: AdapterRequest,
): AsyncGenerator<StreamPart> {
  let frame = first;
  let finish: FinishReason | null = null;
  while (frame) {
    const choice = Array.isArray(frame.choices) && isRecord(frame.choices[0]) ? frame.choices[0] : {};
    const delta = isRecord(choice.delta) ? choice.delta : {};
    const reasoning = b.reasoning(
      typeof delta.reasoning_content === 'string' ? delta.reasoning_content : null,
    );
    if (reasoning) yield reasoning;
    const content = b.content(typeof delta.content === 'string' ? delta.content : null);
    if (content) yield content;
    if (Array.isArray(delta.tool_calls)) {
      const calls = b.toolCalls(delta.tool_calls.filter(isRecord).map(toolCallDelta));
      if (calls) yield calls;
    }
    b.setUsage(usageFrom(frame));
    if (choice.finish_reason === 'network_error')
      throw upstreamError(
        'server',
        500,
        'zhipu: finish_reason network_error',
        'The upstream provider failed.',
      );
    finish = finishOf(choice.finish_reason) ?? finish;
    const next = await rest.next();
    frame = next.done ? undefined : next.value;
  }
  yield* b.closing(finish ?? 'stop', req.clientWantsStreamUsage);
}

function toolCallDelta(c: Record<string, unknown>, i: number): ToolCallDelta {
  const fn = isRecord(c.function) ? c.function : {};
  const out: ToolCallDelta = { index: typeof c.index === 'number' ? c.index : i, function: {} };
  if (typeof c.id === 'string' && c.id) {
    out.id = c.id;
    out.type = 'function';
  }
  if (typeof fn.name === 'string' && fn.name) out.function!.name = fn.name;
  if (typeof fn.arguments === 'string') out.function!.arguments = fn.arguments;
  return out;
}

/** GLM's "sensitive" is OpenAI's content_filter. */
function finishOf(r: unknown): FinishReason | null {
  if (r === 'stop') return 'stop';
  if (r === 'length') return 'length';
  if (r === 'tool_calls') return 'tool_calls';
  if (r === 'sensitive') return 'content_filter';
  return null;
}

function usageFrom(frame: Record<string, unknown>) {
  const u = frame.usage;
  if (!isRecord(u)) return null;
  const details = isRecord(u.prompt_tokens_details) ? u.prompt_tokens_details : {};
  return usageOf(u.prompt_tokens, u.completion_tokens, u.total_tokens, details.cached_tokens);
}

async function embeddings(req: AdapterRequest, ctx: AdapterContext): Promise<AdapterResult> {
  const payload: Record<string, unknown> = { model: req.model, input: req.body.input };
  if (typeof req.body.dimensions === 'number') payload.dimensions = req.body.dimensions;
  if (req.body.user !== undefined) ctx.log.debug('zhipu: dropped field "user" the provider cannot take');
  const sent = await send(ctx, EMBED_PATH, payload);
  const text = sent.text ?? (await readText(sent.res, ctx));
  if (sent.res.statusCode !== 200) throw zhipuError(sent.res.statusCode, text, ctx.key);
  const parsed = parseJson(text);
  if (!isRecord(parsed) || !Array.isArray(parsed.data)) throw zhipuError(502, text, ctx.key);
  const base64 = req.body.encoding_format === 'base64';
  const data = parsed.data.filter(isRecord).map((d, i) => {
    const vector = Array.isArray(d.embedding) ? (d.embedding as number[]) : [];
    return {
      object: 'embedding' as const,
      index: typeof d.index === 'number' ? d.index : i,
      embedding: base64 ? floatsToBase64(vector) : vector,
    };
  });
  const u = isRecord(parsed.usage) ? parsed.usage : {};
  const prompt = typeof u.prompt_tokens === 'number' ? u.prompt_tokens : 0;
  const total = typeof u.total_tokens === 'number' ? u.total_tokens : prompt;
  const out: EmbeddingResponse = {
    object: 'list',
    data,
    model: req.model,
    usage: { prompt_tokens: prompt, total_tokens: total },
  };
  return {
    kind: 'json',
    status: 200,
    body: out,
    usage: { prompt_tokens: prompt, completion_tokens: 0, total_tokens: total },
  };
}
