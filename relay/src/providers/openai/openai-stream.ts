import type { Usage } from '@switchboard/shared/openai';
import { SseDecoder, type SseEvent } from '../../streaming/sse-decoder.js';
import { type AdapterResult, type StreamPart, UpstreamError } from '../contract.js';
import { mapOpenAIStreamError } from './openai-error.js';
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
 *
 * Resolves once the first event has arrived (keep-alive comments do not count): an upstream
 * that answers 200 and then sends an error as its first event (DeepSeek, Moonshot, vLLM,
 * OpenRouter do) rejects here with that error classified, while nothing has reached the client
 * and the relay can still fail over. An error event after the first ends the parts with that
 * error classified (UpstreamError): deliverStream sends it as the relay's own SSE error event.
 */
export async function openaiStream(
  body: AsyncIterable<Uint8Array>,
  opts: OpenAIStreamOptions,
): Promise<StreamResult> {
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

  /** The part to forward for one event, or null when it is dropped. */
  const toPart = (ev: SseEvent): StreamPart | null => {
    const data = ev.data;
    // Never forwarded as it came: its message may name upstream URLs, hosts or keys, and an
    // upstream's `insufficient_quota` would read as the client's own balance. The substring
    // test keeps ordinary chunks unparsed (a quote inside their text is escaped).
    if (data.includes('"error"')) {
      const failure = mapOpenAIStreamError(ev.event, data);
      if (failure) throw failure;
    }
    if (opts.flavor === 'chat') {
      if (data === '[DONE]') return { data };
      if (data.includes('"usage":{')) {
        const parsed = safeParse(data) as { usage?: unknown; choices?: unknown[] } | null;
        const u = normalizeUsage(parsed?.usage);
        if (u) usage = u;
        if (opts.stripUsageChunk && u && Array.isArray(parsed?.choices) && parsed.choices.length === 0)
          return null;
      }
      keep(data);
      return { data };
    }
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
    return ev.event ? { event: ev.event, data } : { data };
  };

  const decoder = new SseDecoder();
  const source = body[Symbol.asyncIterator]();
  let ended = false;
  let first: SseEvent[] = [];
  try {
    while (first.length === 0) {
      const next = await source.next();
      if (next.done) {
        ended = true;
        first = decoder.end();
        break;
      }
      first = decoder.push(next.value);
    }
  } catch (err) {
    throw opts.mapError(err);
  }
  const failure = first[0] ? mapOpenAIStreamError(first[0].event, first[0].data) : null;
  if (failure) {
    // Nothing of this stream will be read: free its connection now.
    if (!ended) await source.return?.();
    throw failure;
  }

  async function* parts(): AsyncGenerator<StreamPart> {
    try {
      for (const ev of first) {
        const part = toPart(ev);
        if (part) yield part;
      }
      if (ended) return;
      for (;;) {
        const next = await source.next();
        if (next.done) break;
        for (const ev of decoder.push(next.value)) {
          const part = toPart(ev);
          if (part) yield part;
        }
      }
      ended = true;
      for (const ev of decoder.end()) {
        const part = toPart(ev);
        if (part) yield part;
      }
    } catch (err) {
      // An error event (from toPart): the upstream body is still open, `finally` releases it.
      if (err instanceof UpstreamError) throw err;
      ended = true;
      throw opts.mapError(err);
    } finally {
      // The consumer stopped early (client gone): an unread body would hold its connection
      // until the idle timeout, so it is destroyed.
      if (!ended) await source.return?.();
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
