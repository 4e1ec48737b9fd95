import type { Usage } from '@switchboard/shared/openai';
import { SseDecoder } from '../../streaming/sse-decoder.js';
import type { AdapterResult, StreamPart } from '../contract.js';
import { normalizeUsage } from './openai-usage.js';

type StreamResult = Extract<AdapterResult, { kind: 'stream' }>;

export interface OpenAIStreamOptions {
  /** Chat/completions chunks or Responses API events. */
  flavor: 'chat' | 'responses';
  /** Drop the usage-only chunk (the gateway asked for it, the client did not). */
  stripUsageChunk: boolean;
  /** Called for transport errors while reading, to map them. */
  mapError: (err: unknown) => unknown;
}

const COMPACT_AT = 64 * 1024;

/**
 * Turns an OpenAI SSE byte stream into StreamParts, forwarding each event's data text as it
 * came (no re-serialization). Only chunks that carry usage (or a response id) are parsed; the
 * text of the rest is kept raw and parsed lazily, only when a token count is needed because
 * no usage arrived.
 */
export function openaiStream(body: AsyncIterable<Uint8Array>, opts: OpenAIStreamOptions): StreamResult {
  let usage: Usage | null = null;
  let responseId: string | undefined;
  let text = '';
  let pending: string[] = [];
  let pendingSize = 0;

  const keep = (data: string) => {
    pending.push(data);
    pendingSize += data.length;
    if (pendingSize > COMPACT_AT) compact();
  };
  const compact = () => {
    for (const data of pending) text += textOf(data, opts.flavor);
    pending = [];
    pendingSize = 0;
  };

  async function* parts(): AsyncGenerator<StreamPart> {
    const decoder = new SseDecoder();
    const handle = function* (events: ReturnType<SseDecoder['push']>): Generator<StreamPart> {
      for (const ev of events) {
        const data = ev.data;
        if (opts.flavor === 'chat') {
          if (data === '[DONE]') {
            yield { data };
            continue;
          }
          if (data.includes('"usage":{')) {
            const parsed = safeParse(data) as { usage?: unknown; choices?: unknown[] } | null;
            const u = normalizeUsage(parsed?.usage);
            if (u) usage = u;
            if (opts.stripUsageChunk && u && Array.isArray(parsed?.choices) && parsed.choices.length === 0)
              continue;
          }
          keep(data);
          yield { data };
        } else {
          const type = ev.event ?? '';
          if (
            type === 'response.output_text.delta' ||
            type === 'response.reasoning_summary_text.delta' ||
            type === 'response.function_call_arguments.delta'
          )
            keep(data);
          else if (
            type === 'response.created' ||
            type === 'response.completed' ||
            type === 'response.incomplete' ||
            type === 'response.failed'
          ) {
            const parsed = safeParse(data) as { response?: { id?: string; usage?: unknown } } | null;
            if (parsed?.response?.id) responseId = parsed.response.id;
            const u = normalizeUsage(parsed?.response?.usage);
            if (u) usage = u;
          }
          yield ev.event ? { event: ev.event, data } : { data };
        }
      }
    };
    try {
      for await (const chunk of body) yield* handle(decoder.push(chunk));
      yield* handle(decoder.end());
    } catch (err) {
      throw opts.mapError(err);
    }
  }

  return {
    kind: 'stream',
    parts: parts(),
    usage: () => usage,
    completionText: () => {
      compact();
      return text;
    },
    responseId: () => responseId,
  };
}

function safeParse(data: string): unknown {
  try {
    return JSON.parse(data);
  } catch {
    return null;
  }
}

/** The generated text of one chunk/event: content, reasoning, tool-call names and arguments. */
function textOf(data: string, flavor: 'chat' | 'responses'): string {
  const parsed = safeParse(data) as Record<string, unknown> | null;
  if (!parsed) return '';
  if (flavor === 'responses') return typeof parsed.delta === 'string' ? parsed.delta : '';
  let out = '';
  for (const choice of (parsed.choices as Array<Record<string, unknown>>) ?? []) {
    if (typeof choice.text === 'string') out += choice.text;
    const delta = choice.delta as Record<string, unknown> | undefined;
    if (!delta) continue;
    if (typeof delta.content === 'string') out += delta.content;
    if (typeof delta.reasoning_content === 'string') out += delta.reasoning_content;
    for (const call of (delta.tool_calls as Array<{ function?: { name?: string; arguments?: string } }>) ??
      []) {
      out += (call.function?.name ?? '') + (call.function?.arguments ?? '');
    }
  }
  return out;
}
