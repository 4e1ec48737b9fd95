import { request } from 'undici';
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
  nowSeconds,
  parseJson,
  readText,
  scrub,
  sseEvents,
  transportError,
  type UpstreamResponse,
} from '../upstream-http.js';
import { toHunyuanBody } from './convert-to-hunyuan-request.js';
import { hunyuanError } from './hunyuan-error.js';
import { HUNYUAN_CONTENT_TYPE, tc3Authorization } from './hunyuan-sign.js';

/**
 * Tencent Hunyuan through Tencent Cloud API 3.0, action ChatCompletions, version 2023-09-01,
 * signed with TC3-HMAC-SHA256. Not sent through the shared JSON sender: the exact bytes and
 * Content-Type that were signed must be the ones sent.
 */
const VERSION = '2023-09-01';
const CHAT = 'ChatCompletions';
const EMBED = 'GetEmbedding';
/** GetEmbedding takes one text per call (rate limit 5/s by default): a few calls at a time. */
const EMBED_CONCURRENCY = 4;

type ToolCallDelta = NonNullable<ChatCompletionChunk['choices'][number]['delta']['tool_calls']>[number];

export const hunyuanAdapter: ProviderAdapter = {
  type: 'hunyuan',
  endpoints: new Set<Endpoint>(['chat.completions', 'embeddings']),
  async execute(req, ctx) {
    if (req.endpoint === 'embeddings') return embeddings(req, ctx);
    if (req.endpoint !== 'chat.completions')
      throw upstreamError(
        'bad_request',
        0,
        `hunyuan: endpoint ${req.endpoint} unsupported`,
        'Not supported by this provider.',
      );
    return chat(req, ctx);
  },
};

async function send(ctx: AdapterContext, action: string, payload: string): Promise<UpstreamResponse> {
  const [secretId, secretKey] = ctx.key.split('|');
  if (!secretId || !secretKey)
    throw upstreamError('auth', 0, 'hunyuan: channel key is not "SecretId|SecretKey"', '');
  const url = new URL(ctx.channel.baseUrl);
  const region =
    typeof ctx.channel.config.region === 'string' && ctx.channel.config.region
      ? ctx.channel.config.region
      : 'ap-guangzhou';
  const timestamp = Math.floor(Date.now() / 1000);
  const headers: Record<string, string> = {
    ...ctx.passthroughHeaders,
    ...ctx.channel.headers,
    authorization: tc3Authorization({
      secretId,
      secretKey,
      service: 'hunyuan',
      host: url.host,
      action,
      payload,
      timestamp,
    }),
    'content-type': HUNYUAN_CONTENT_TYPE,
    host: url.host,
    'x-tc-action': action,
    'x-tc-version': VERSION,
    'x-tc-timestamp': String(timestamp),
    'x-tc-region': region,
  };
  try {
    return await request(new URL('/', url), {
      method: 'POST',
      headers,
      body: payload,
      dispatcher: ctx.dispatcher,
      signal: ctx.signal,
    });
  } catch (err) {
    throw transportError(err, ctx);
  }
}

async function chat(req: AdapterRequest, ctx: AdapterContext): Promise<AdapterResult> {
  const res = await send(ctx, CHAT, JSON.stringify(toHunyuanBody(req.body, req.model, req.stream, ctx.log)));
  if (!String(res.headers['content-type'] ?? '').includes('text/event-stream')) {
    const response = await responseOf(res, ctx);
    if (!Array.isArray(response.Choices))
      throw upstreamError('server', 502, 'hunyuan: answer without Choices', '');
    if (req.stream) throw upstreamError('server', 502, 'hunyuan: expected an event stream', '');
    return completion(response, req);
  }
  const { first, rest } = await peekFirst(frames(sseEvents(res, ctx), ctx));
  const builder = new ChunkBuilder(
    first && typeof first.Id === 'string' ? first.Id : chunkId(),
    req.model,
    req.clientWantsStreamUsage,
  );
  return streamResult(relay(first, rest, builder, req), builder);
}

function completion(response: Record<string, unknown>, req: AdapterRequest): AdapterResult {
  const choice = isRecord((response.Choices as unknown[])[0])
    ? ((response.Choices as unknown[])[0] as Record<string, unknown>)
    : {};
  const msg = isRecord(choice.Message) ? choice.Message : {};
  const message: Record<string, unknown> = {
    role: 'assistant',
    content: typeof msg.Content === 'string' ? msg.Content : null,
  };
  if (typeof msg.ReasoningContent === 'string' && msg.ReasoningContent)
    message.reasoning_content = msg.ReasoningContent;
  if (Array.isArray(msg.ToolCalls) && msg.ToolCalls.length > 0)
    message.tool_calls = msg.ToolCalls.filter(isRecord).map((c, i) => {
      const fn = isRecord(c.Function) ? c.Function : {};
      return {
        id: typeof c.Id === 'string' ? c.Id : `call_${i}`,
        type: 'function',
        function: { name: String(fn.Name ?? ''), arguments: String(fn.Arguments ?? '') },
      };
    });
  const usage = usageFrom(response);
  return {
    kind: 'json',
    status: 200,
    body: {
      id: typeof response.Id === 'string' ? response.Id : chunkId(),
      object: 'chat.completion',
      created: typeof response.Created === 'number' ? response.Created : nowSeconds(),
      model: req.model,
      choices: [
        { index: 0, message, finish_reason: finishOf(choice.FinishReason) ?? 'stop', logprobs: null },
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
      ctx.log.debug('hunyuan: skipped a non-JSON stream frame');
      continue;
    }
    const err = isRecord(frame.ErrorMsg)
      ? frame.ErrorMsg
      : isRecord(frame.Response) && isRecord(frame.Response.Error)
        ? frame.Response.Error
        : null;
    if (err)
      throw hunyuanError(
        String(err.Code ?? ''),
        String(err.Msg ?? err.Message ?? ''),
        String(frame.Id ?? ''),
        ctx.key,
      );
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
    const choice = Array.isArray(frame.Choices) && isRecord(frame.Choices[0]) ? frame.Choices[0] : {};
    const delta = isRecord(choice.Delta) ? choice.Delta : {};
    const reasoning = b.reasoning(typeof delta.ReasoningContent === 'string' ? delta.ReasoningContent : null);
    if (reasoning) yield reasoning;
    const content = b.content(typeof delta.Content === 'string' ? delta.Content : null);
    if (content) yield content;
    if (Array.isArray(delta.ToolCalls)) {
      const calls = b.toolCalls(delta.ToolCalls.filter(isRecord).map(toolCallDelta));
      if (calls) yield calls;
    }
    b.setUsage(usageFrom(frame));
    finish = finishOf(choice.FinishReason) ?? finish;
    const next = await rest.next();
    frame = next.done ? undefined : next.value;
  }
  yield* b.closing(finish ?? 'stop', req.clientWantsStreamUsage);
}

function toolCallDelta(c: Record<string, unknown>, i: number): ToolCallDelta {
  const fn = isRecord(c.Function) ? c.Function : {};
  const out: ToolCallDelta = { index: typeof c.Index === 'number' ? c.Index : i, function: {} };
  if (typeof c.Id === 'string' && c.Id) {
    out.id = c.Id;
    out.type = 'function';
  }
  if (typeof fn.Name === 'string' && fn.Name) out.function!.name = fn.Name;
  if (typeof fn.Arguments === 'string') out.function!.arguments = fn.Arguments;
  return out;
}

/** Hunyuan's "sensitive" (moderated mid-answer) is OpenAI's content_filter. */
function finishOf(r: unknown): FinishReason | null {
  if (r === 'stop') return 'stop';
  if (r === 'length') return 'length';
  if (r === 'tool_calls') return 'tool_calls';
  if (r === 'sensitive') return 'content_filter';
  return null;
}

function usageFrom(frame: Record<string, unknown>) {
  const u = frame.Usage;
  if (!isRecord(u)) return null;
  return usageOf(u.PromptTokens, u.CompletionTokens, u.TotalTokens);
}

/** Reads a JSON answer; a `Response.Error` (sent with HTTP 200) is thrown. */
async function responseOf(res: UpstreamResponse, ctx: AdapterContext): Promise<Record<string, unknown>> {
  const text = await readText(res, ctx);
  const parsed = parseJson(text);
  const response = isRecord(parsed) && isRecord(parsed.Response) ? parsed.Response : null;
  if (response && isRecord(response.Error))
    throw hunyuanError(
      String(response.Error.Code ?? ''),
      String(response.Error.Message ?? ''),
      String(response.RequestId ?? ''),
      ctx.key,
    );
  if (res.statusCode !== 200 || !response)
    throw upstreamError(
      res.statusCode >= 500 || res.statusCode === 200 ? 'server' : 'bad_request',
      res.statusCode,
      scrub(`hunyuan ${res.statusCode}: ${text.slice(0, 300)}`, ctx.key),
      '',
    );
  return response;
}

async function embeddings(req: AdapterRequest, ctx: AdapterContext): Promise<AdapterResult> {
  const input = req.body.input;
  const texts = typeof input === 'string' ? [input] : Array.isArray(input) ? input : [];
  if (texts.length === 0 || !texts.every((t) => typeof t === 'string'))
    throw upstreamError(
      'bad_request',
      0,
      'hunyuan: embeddings input is not text',
      'This provider takes text input only.',
    );
  for (const k of ['dimensions', 'user'])
    if (req.body[k] !== undefined) ctx.log.debug(`hunyuan: dropped field "${k}" the provider cannot take`);
  const vectors: number[][] = new Array(texts.length);
  let prompt = 0;
  let total = 0;
  for (let start = 0; start < texts.length; start += EMBED_CONCURRENCY) {
    await Promise.all(
      (texts as string[]).slice(start, start + EMBED_CONCURRENCY).map(async (text, offset) => {
        const response = await responseOf(await send(ctx, EMBED, JSON.stringify({ Input: text })), ctx);
        const first = Array.isArray(response.Data) && isRecord(response.Data[0]) ? response.Data[0] : {};
        vectors[start + offset] = Array.isArray(first.Embedding) ? (first.Embedding as number[]) : [];
        const u = isRecord(response.Usage) ? response.Usage : {};
        prompt += typeof u.PromptTokens === 'number' ? u.PromptTokens : 0;
        total += typeof u.TotalTokens === 'number' ? u.TotalTokens : 0;
      }),
    );
  }
  const base64 = req.body.encoding_format === 'base64';
  const out: EmbeddingResponse = {
    object: 'list',
    data: vectors.map((v, index) => ({
      object: 'embedding',
      index,
      embedding: base64 ? floatsToBase64(v) : v,
    })),
    model: req.model,
    usage: { prompt_tokens: prompt, total_tokens: total || prompt },
  };
  return {
    kind: 'json',
    status: 200,
    body: out,
    usage: { prompt_tokens: prompt, completion_tokens: 0, total_tokens: total || prompt },
  };
}
