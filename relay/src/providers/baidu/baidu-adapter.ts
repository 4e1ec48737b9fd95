import { type EmbeddingResponse, type FinishReason, floatsToBase64 } from '@switchboard/shared/openai';
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
  scrub,
  sendUpstream,
  sseEvents,
  type UpstreamResponse,
} from '../upstream-http.js';
import { baiduAccessToken, forgetBaiduAccessToken } from './baidu-auth.js';
import { BAIDU_TOKEN_ERRORS, baiduError } from './baidu-error.js';
import { baiduChatEndpoint, toBaiduChatBody } from './convert-to-baidu-request.js';

/**
 * Baidu ERNIE through Qianfan's wenxinworkshop API (v1, access-token auth):
 * chat `/rpc/2.0/ai_custom/v1/wenxinworkshop/chat/{endpoint}`, embeddings
 * `/rpc/2.0/ai_custom/v1/wenxinworkshop/embeddings/{model}`.
 */
const CHAT_PATH = '/rpc/2.0/ai_custom/v1/wenxinworkshop/chat/';
const EMBEDDINGS_PATH = '/rpc/2.0/ai_custom/v1/wenxinworkshop/embeddings/';

export const baiduAdapter: ProviderAdapter = {
  type: 'baidu',
  endpoints: new Set<Endpoint>(['chat.completions', 'embeddings']),
  async execute(req, ctx) {
    if (req.endpoint === 'embeddings') return embeddings(req, ctx);
    if (req.endpoint === 'chat.completions') return chat(req, ctx);
    throw upstreamError(
      'bad_request',
      0,
      `baidu: endpoint ${req.endpoint} unsupported`,
      'Not supported by this provider.',
    );
  },
};

/**
 * Sends with a cached access token; when Baidu says the token is invalid or expired
 * (110/111), fetches a fresh one and sends once more. A JSON answer is read here (to see
 * whether it is a token error) and handed back as `text`; a stream is left unread.
 */
async function sendWithToken(
  ctx: AdapterContext,
  path: string,
  body: unknown,
): Promise<{ res: UpstreamResponse; text: string | null }> {
  for (let attempt = 0; ; attempt++) {
    const token = await baiduAccessToken(ctx);
    const url = joinUrl(ctx.channel.baseUrl, `${path}?access_token=${encodeURIComponent(token)}`);
    const res = await sendUpstream(ctx, url, { method: 'POST', headers: {}, body });
    if (String(res.headers['content-type'] ?? '').includes('text/event-stream')) return { res, text: null };
    const text = await readText(res, ctx);
    const parsed = parseJson(text);
    if (attempt === 0 && isRecord(parsed) && BAIDU_TOKEN_ERRORS.has(Number(parsed.error_code))) {
      forgetBaiduAccessToken(ctx);
      ctx.log.debug('baidu: access token rejected, fetching a new one');
      continue;
    }
    return { res, text };
  }
}

async function chat(req: AdapterRequest, ctx: AdapterContext): Promise<AdapterResult> {
  const body = toBaiduChatBody(req.body, req.stream, ctx.log);
  const { res, text } = await sendWithToken(ctx, CHAT_PATH + baiduChatEndpoint(req.model), body);
  if (text !== null) {
    const parsed = parseJson(text);
    if (res.statusCode !== 200 || !isRecord(parsed) || parsed.error_code !== undefined)
      throw errorOf(parsed, text, res.statusCode, ctx);
    if (req.stream) return singleFrameStream(parsed, req, ctx);
    return {
      kind: 'json',
      status: 200,
      body: {
        id: typeof parsed.id === 'string' ? parsed.id : chunkId(),
        object: 'chat.completion',
        created: typeof parsed.created === 'number' ? parsed.created : nowSeconds(),
        model: req.model,
        choices: [
          {
            index: 0,
            message: messageOf(parsed),
            finish_reason: finishOf(parsed),
            logprobs: null,
          },
        ],
        usage: usageFrom(parsed) ?? undefined,
      },
      usage: usageFrom(parsed),
    };
  }
  const { first, rest } = await peekFirst(frames(sseEvents(res, ctx), ctx));
  const builder = new ChunkBuilder(
    first && typeof first.id === 'string' ? first.id : chunkId(),
    req.model,
    req.clientWantsStreamUsage,
  );
  return streamResult(relay(first, rest, builder, req), builder);
}

/** Upstream SSE events as parsed frames; an error frame becomes a thrown UpstreamError. */
async function* frames(
  events: AsyncGenerator<SseEvent>,
  ctx: AdapterContext,
): AsyncGenerator<Record<string, unknown>> {
  for await (const ev of events) {
    const frame = parseJson(ev.data);
    if (!isRecord(frame)) {
      ctx.log.debug('baidu: skipped a non-JSON stream frame');
      continue;
    }
    if (frame.error_code !== undefined) throw errorOf(frame, ev.data, 200, ctx);
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
  // Without is_end (connection closed early), close the choice so the client sees an end.
  let finish: FinishReason = 'stop';
  while (frame) {
    const content = b.content(typeof frame.result === 'string' ? frame.result : '');
    if (content) yield content;
    const call = functionCallOf(frame);
    if (call) {
      const part = b.toolCalls([{ index: 0, id: call.id, type: 'function', function: call.function }]);
      if (part) yield part;
    }
    b.setUsage(usageFrom(frame));
    if (frame.is_end === true) finish = finishOf(frame);
    // Read on to the upstream's end (it closes right after is_end) so the connection is reused.
    const next = await rest.next();
    frame = next.done ? undefined : next.value;
  }
  yield* b.closing(finish, req.clientWantsStreamUsage);
}

/** Baidu may answer a stream request with one JSON body (e.g. from a cache): send it as one chunk. */
function singleFrameStream(
  parsed: Record<string, unknown>,
  req: AdapterRequest,
  _ctx: AdapterContext,
): AdapterResult {
  const b = new ChunkBuilder(
    typeof parsed.id === 'string' ? parsed.id : chunkId(),
    req.model,
    req.clientWantsStreamUsage,
  );
  const empty = (async function* () {})();
  return streamResult(relay({ ...parsed, is_end: true }, empty, b, req), b);
}

/** ERNIE's `function_call` ({name, arguments, thoughts}) as an OpenAI tool call. */
function functionCallOf(frame: Record<string, unknown>) {
  const fc = frame.function_call;
  if (!isRecord(fc) || typeof fc.name !== 'string') return null;
  return {
    id: `call_${typeof frame.id === 'string' ? frame.id : chunkId('fn')}`,
    type: 'function' as const,
    function: { name: fc.name, arguments: typeof fc.arguments === 'string' ? fc.arguments : '{}' },
  };
}

function messageOf(parsed: Record<string, unknown>): Record<string, unknown> {
  const message: Record<string, unknown> = {
    role: 'assistant',
    content: typeof parsed.result === 'string' ? parsed.result : '',
  };
  const call = functionCallOf(parsed);
  if (call) message.tool_calls = [call];
  return message;
}

function finishOf(frame: Record<string, unknown>): FinishReason {
  if (isRecord(frame.function_call)) return 'tool_calls';
  const r = frame.finish_reason;
  if (r === 'length' || frame.is_truncated === true) return 'length';
  if (r === 'content_filter' || frame.need_clear_history === true) return 'content_filter';
  if (r === 'function_call' || r === 'tool_calls') return 'tool_calls';
  return 'stop';
}

function usageFrom(frame: Record<string, unknown>) {
  const u = frame.usage;
  if (!isRecord(u)) return null;
  return usageOf(u.prompt_tokens, u.completion_tokens, u.total_tokens);
}

function errorOf(parsed: unknown, text: string, status: number, ctx: AdapterContext) {
  if (isRecord(parsed) && parsed.error_code !== undefined) {
    const msg = typeof parsed.error_msg === 'string' ? parsed.error_msg : '';
    return baiduError(Number(parsed.error_code), msg, status, ctx.key);
  }
  const detail = scrub(`baidu ${status}: ${text.slice(0, 300)}`, ctx.key);
  return upstreamError(status >= 500 || status === 200 ? 'server' : 'bad_request', status, detail, '');
}

async function embeddings(req: AdapterRequest, ctx: AdapterContext): Promise<AdapterResult> {
  const input = req.body.input;
  const texts = typeof input === 'string' ? [input] : Array.isArray(input) ? input : [];
  if (!texts.every((t) => typeof t === 'string'))
    throw upstreamError('bad_request', 0, 'baidu: token-array input', 'This provider takes text input only.');
  const payload: Record<string, unknown> = { input: texts };
  if (typeof req.body.user === 'string') payload.user_id = req.body.user;
  for (const k of ['dimensions'])
    if (req.body[k] !== undefined) ctx.log.debug(`baidu: dropped field "${k}" the provider cannot take`);
  const sent = await sendWithToken(ctx, EMBEDDINGS_PATH + req.model, payload);
  const res = sent.res;
  const text = sent.text ?? (await readText(res, ctx));
  const parsed = parseJson(text);
  if (
    res.statusCode !== 200 ||
    !isRecord(parsed) ||
    parsed.error_code !== undefined ||
    !Array.isArray(parsed.data)
  )
    throw errorOf(parsed, text, res.statusCode, ctx);
  const base64 = req.body.encoding_format === 'base64';
  const data = (parsed.data as Array<Record<string, unknown>>).map((d, i) => {
    const vector = Array.isArray(d.embedding) ? (d.embedding as number[]) : [];
    return {
      object: 'embedding' as const,
      index: typeof d.index === 'number' ? d.index : i,
      embedding: base64 ? floatsToBase64(vector) : vector,
    };
  });
  const u = isRecord(parsed.usage) ? parsed.usage : {};
  const prompt = typeof u.prompt_tokens === 'number' ? u.prompt_tokens : 0;
  const out: EmbeddingResponse = {
    object: 'list',
    data,
    model: req.model,
    usage: {
      prompt_tokens: prompt,
      total_tokens: typeof u.total_tokens === 'number' ? u.total_tokens : prompt,
    },
  };
  return {
    kind: 'json',
    status: 200,
    body: out,
    usage: { prompt_tokens: prompt, completion_tokens: 0, total_tokens: out.usage.total_tokens },
  };
}
