import type { ChatMessage } from '@switchboard/shared/openai';
import type { AdapterLogger } from '../contract.js';

/**
 * Text of an OpenAI message's content for providers that take plain strings only: text parts
 * joined, other parts (images, audio) dropped with a debug line rather than failing.
 */
export function contentText(content: ChatMessage['content'], log: AdapterLogger, provider: string): string {
  if (typeof content === 'string') return content;
  if (!Array.isArray(content)) return '';
  let out = '';
  for (const part of content) {
    if (part.type === 'text' && typeof part.text === 'string') out += part.text;
    else log.debug(`${provider}: dropped a "${part.type}" content part the provider cannot take`);
  }
  return out;
}

/** The request's messages, tolerant of a body that is not quite OpenAI-shaped. */
export function messagesOf(body: Record<string, unknown>): ChatMessage[] {
  return Array.isArray(body.messages) ? (body.messages as ChatMessage[]) : [];
}

/** OpenAI `max_completion_tokens` wins over the older `max_tokens`. */
export function maxTokensOf(body: Record<string, unknown>): number | undefined {
  const v = body.max_completion_tokens ?? body.max_tokens;
  return typeof v === 'number' ? v : undefined;
}

/** OpenAI `stop` may be a string or a list; providers want a list. */
export function stopList(stop: unknown): string[] | undefined {
  if (typeof stop === 'string') return [stop];
  if (Array.isArray(stop)) return stop.filter((s): s is string => typeof s === 'string');
  return undefined;
}

/**
 * Splits a request body into the fields a provider's converter handles and the rest. Fields in
 * `dropped` are ones the provider cannot take: logged at debug and left out.
 */
export function restOf(
  body: Record<string, unknown>,
  handled: ReadonlySet<string>,
  dropped: ReadonlySet<string>,
  log: AdapterLogger,
  provider: string,
): Record<string, unknown> {
  const rest: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(body)) {
    if (handled.has(k) || v === undefined) continue;
    if (dropped.has(k)) {
      if (v !== null) log.debug(`${provider}: dropped field "${k}" the provider cannot take`);
      continue;
    }
    rest[k] = v;
  }
  return rest;
}

/** Clamps a sampling parameter into the provider's range, logging when it had to. */
export function clamp(
  value: unknown,
  min: number,
  max: number,
  log: AdapterLogger,
  what: string,
): number | undefined {
  if (typeof value !== 'number') return undefined;
  const v = Math.min(max, Math.max(min, value));
  if (v !== value) log.debug(`${what} ${value} clamped to ${v}`);
  return v;
}
