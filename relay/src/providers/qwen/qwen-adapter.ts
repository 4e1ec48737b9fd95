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
} from '../upstream-http.js';
import { isQwenMultimodal, toQwenChatBody } from './convert-to-qwen-request.js';
import { qwenError } from './qwen-error.js';

/**
 * Alibaba Qwen through DashScope's native API (v1): text generation at
 * `/api/v1/services/aigc/text-generation/generation` (SSE with `X-DashScope-SSE: enable`),
 * embeddings at `/api/v1/services/embeddings/text-embedding/text-embedding`.
 */
const CHAT_PATH = '/api/v1/services/aigc/text-generation/generation';
const MULTIMODAL_PATH = '/api/v1/services/aigc/multimodal-generation/generation';
const EMBED_PATH = '/api/v1/services/embeddings/text-embedding/text-embedding';
const MODELS_PATH = '/compatible-mode/v1/models';

type ToolCallDelta = NonNullable<ChatCompletionChunk['choices'][number]['delta']['tool_calls']>[number];

export const qwenAdapter: ProviderAdapter = {
  type: 'qwen',
  endpoints: new Set<Endpoint>(['chat.completions', 'embeddings']),
  async execute(req, ctx) {
    if (req.endpoint === 'embeddings') return embeddings(req, ctx);
    if (req.endpoint === 'chat.completions') return chat(req, ctx);
    throw upstreamError(
      'bad_request',
      0,
      `qwen: endpoint ${req.endpoint} unsupported`,
      'Not supported by this provider.',
    );
  },
  /** The native API has no model list; DashScope's OpenAI-compatible mode does, with the same key. */
  async listModels(ctx) {
    const res = await sendUpstream(ctx, joinUrl(ctx.channel.baseUrl, MODELS_PATH), {
      method: 'GET',
      headers: { authorization: `Bearer ${ctx.key}` },
    });
    const text = await readText(res, ctx);
    if (res.statusCode !== 200) throw qwenError(res.statusCode, text, ctx.key);
    const parsed = parseJson(text);
    const data = isRecord(parsed) && Array.isArray(parsed.data) ? parsed.data : [];
    return data.filter(isRecord).flatMap((m) => (typeof m.id === 'string' ? [m.id] : []));
  },
};

function headers(ctx: AdapterContext, stream: boolean): Record<string, string> {
  const h: Record<string, string> = { authorization: `Bearer ${ctx.key}` };
  if (stream) {
    h['x-dashscope-sse'] = 'enable';
    h.accept = 'text/event-stream';
  }
  return h;
}

async function chat(req: AdapterRequest, ctx: AdapterContext): Promise<AdapterResult> {
  const body = toQwenChatBody(req.body, req.model, req.stream, ctx.log);
  const path = isQwenMultimodal(req.model) ? MULTIMODAL_PATH : CHAT_PATH;
  const res = await sendUpstream(ctx, joinUrl(ctx.channel.baseUrl, path), {
    method: 'POST',
    headers: headers(ctx, req.stream),
    body,
  });
  const isSse = String(res.headers['content-type'] ?? '').includes('text/event-stream');
  if (res.statusCode !== 200 || !isSse) {
    const text = await readText(res, ctx);
    if (res.statusCode !== 200) throw qwenError(res.statusCode, text, ctx.key);
    const parsed = parseJson(text);
    if (!isRecord(parsed) || !isRecord(parsed.output)) throw qwenError(502, text, ctx.key);
    if (req.stream) throw qwenError(502, 'expected an event stream', ctx.key);
    return completion(parsed, req);
  }
  const { first, rest } = await peekFirst(frames(sseEvents(res, ctx), ctx));
  const builder = new ChunkBuilder(
    first && typeof first.request_id === 'string' ? first.request_id : chunkId(),
    req.model,
    req.clientWantsStreamUsage,
  );
  return streamResult(relay(first, rest, builder, req), builder);
}

function choiceOf(frame: Record<string, unknown>): Record<string, unknown> {
  const output = isRecord(frame.output) ? frame.output : {};
  const choice = Array.isArray(output.choices) && isRecord(output.choices[0]) ? output.choices[0] : {};
  // result_format "text" (older models ignore "message"): output.text / output.finish_reason.
  if (!isRecord(choice.message) && typeof output.text === 'string')
    return { message: { role: 'assistant', content: output.text }, finish_reason: output.finish_reason };
  return choice;
}

function completion(parsed: Record<string, unknown>, req: AdapterRequest): AdapterResult {
  const choice = choiceOf(parsed);
  const msg = isRecord(choice.message) ? choice.message : {};
  const message: Record<string, unknown> = {
    role: 'assistant',
    content: textOf(msg.content),
  };
  if (typeof msg.reasoning_content === 'string' && msg.reasoning_content)
    message.reasoning_content = msg.reasoning_content;
  if (Array.isArray(msg.tool_calls) && msg.tool_calls.length > 0)
    message.tool_calls = msg.tool_calls.map((c: Record<string, unknown>, i: number) => {
      const fn = isRecord(c.function) ? c.function : {};
      return {
        id: typeof c.id === 'string' && c.id ? c.id : `call_${i}`,
        type: 'function',
        function: { name: String(fn.name ?? ''), arguments: String(fn.arguments ?? '') },
      };
    });
  const usage = usageFrom(parsed);
  return {
    kind: 'json',
    status: 200,
    body: {
      id: typeof parsed.request_id === 'string' ? `chatcmpl-${parsed.request_id}` : chunkId(),
      object: 'chat.completion',
      created: nowSeconds(),
      model: req.model,
      choices: [
        { index: 0, message, finish_reason: finishOf(choice.finish_reason) ?? 'stop', logprobs: null },
      ],
      usage: usage ?? undefined,
    },
    usage,
  };
}

/** Stream events → frames; `event:error` (possible mid-stream) becomes a thrown UpstreamError. */
async function* frames(
  events: AsyncGenerator<SseEvent>,
  ctx: AdapterContext,
): AsyncGenerator<Record<string, unknown>> {
  for await (const ev of events) {
    if (ev.event === 'error') throw qwenError(statusOfError(ev.data), ev.data, ctx.key);
    const frame = parseJson(ev.data);
    if (!isRecord(frame)) {
      ctx.log.debug('qwen: skipped a non-JSON stream frame');
      continue;
    }
    if (typeof frame.code === 'string' && frame.code && !frame.output)
      throw qwenError(statusOfError(ev.data), ev.data, ctx.key);
    yield frame;
  }
}

/** Error events carry no HTTP status of their own; guess one from the code for the mapping. */
function statusOfError(data: string): number {
  const body = parseJson(data);
  const code = isRecord(body) && typeof body.code === 'string' ? body.code : '';
  if (code.startsWith('Throttling')) return 429;
  if (code === 'InvalidApiKey') return 401;
  if (code.startsWith('Internal') || code.startsWith('System') || !code) return 500;
  return 400;
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
    const choice = choiceOf(frame);
    const msg = isRecord(choice.message) ? choice.message : {};
    const reasoning = b.reasoning(typeof msg.reasoning_content === 'string' ? msg.reasoning_content : null);
    if (reasoning) yield reasoning;
    const content = b.content(textOf(msg.content));
    if (content) yield content;
    if (Array.isArray(msg.tool_calls)) {
      const calls = b.toolCalls(msg.tool_calls.filter(isRecord).map(toolCallDelta));
      if (calls) yield calls;
    }
    b.setUsage(usageFrom(frame));
    finish = finishOf(choice.finish_reason) ?? finish;
    const next = await rest.next();
    frame = next.done ? undefined : next.value;
  }
  yield* b.closing(finish ?? 'stop', req.clientWantsStreamUsage);
}

/** Text models answer a string; multimodal ones a list of {text} items. */
function textOf(content: unknown): string | null {
  if (typeof content === 'string') return content;
  if (!Array.isArray(content)) return null;
  return content.map((c) => (isRecord(c) && typeof c.text === 'string' ? c.text : '')).join('');
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

function finishOf(r: unknown): FinishReason | null {
  if (r === 'stop') return 'stop';
  if (r === 'length') return 'length';
  if (r === 'tool_calls') return 'tool_calls';
  if (r === 'content_filter') return 'content_filter';
  return null; // "null" while the answer is still running
}

function usageFrom(frame: Record<string, unknown>) {
  const u = frame.usage;
  if (!isRecord(u)) return null;
  const details = isRecord(u.prompt_tokens_details) ? u.prompt_tokens_details : {};
  return usageOf(u.input_tokens, u.output_tokens, u.total_tokens, details.cached_tokens);
}

async function embeddings(req: AdapterRequest, ctx: AdapterContext): Promise<AdapterResult> {
  const input = req.body.input;
  const texts = typeof input === 'string' ? [input] : Array.isArray(input) ? input : [];
  if (!texts.every((t) => typeof t === 'string'))
    throw upstreamError('bad_request', 0, 'qwen: token-array input', 'This provider takes text input only.');
  const parameters: Record<string, unknown> = {};
  if (typeof req.body.dimensions === 'number') parameters.dimension = req.body.dimensions;
  if (typeof req.body.text_type === 'string') parameters.text_type = req.body.text_type;
  if (req.body.user !== undefined) ctx.log.debug('qwen: dropped field "user" the provider cannot take');
  const res = await sendUpstream(ctx, joinUrl(ctx.channel.baseUrl, EMBED_PATH), {
    method: 'POST',
    headers: headers(ctx, false),
    body: { model: req.model, input: { texts }, parameters },
  });
  const text = await readText(res, ctx);
  if (res.statusCode !== 200) throw qwenError(res.statusCode, text, ctx.key);
  const parsed = parseJson(text);
  const output = isRecord(parsed) && isRecord(parsed.output) ? parsed.output : null;
  if (!isRecord(parsed) || !output || !Array.isArray(output.embeddings)) throw qwenError(502, text, ctx.key);
  const base64 = req.body.encoding_format === 'base64';
  const data = (output.embeddings as Array<Record<string, unknown>>)
    .map((e, i) => ({
      index: typeof e.text_index === 'number' ? e.text_index : i,
      vector: e.embedding as number[],
    }))
    .sort((a, b) => a.index - b.index)
    .map((e) => ({
      object: 'embedding' as const,
      index: e.index,
      embedding: base64 ? floatsToBase64(e.vector ?? []) : (e.vector ?? []),
    }));
  const u = isRecord(parsed.usage) ? parsed.usage : {};
  const tokens = typeof u.total_tokens === 'number' ? u.total_tokens : 0;
  const out: EmbeddingResponse = {
    object: 'list',
    data,
    model: req.model,
    usage: { prompt_tokens: tokens, total_tokens: tokens },
  };
  return {
    kind: 'json',
    status: 200,
    body: out,
    usage: { prompt_tokens: tokens, completion_tokens: 0, total_tokens: tokens },
  };
}
