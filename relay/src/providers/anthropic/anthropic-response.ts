import type { ChatCompletion, ChatToolCall, FinishReason, Usage } from '@switchboard/shared/openai';
import { isRecord, nowSeconds } from '../upstream-http.js';

/** Anthropic stop_reason → OpenAI finish_reason. */
export function mapAnthropicStopReason(reason: unknown): FinishReason | null {
  switch (reason) {
    case 'end_turn':
    case 'stop_sequence':
    case 'pause_turn':
      return 'stop';
    case 'max_tokens':
    case 'model_context_window_exceeded':
      return 'length';
    case 'tool_use':
      return 'tool_calls';
    case 'refusal':
      return 'content_filter';
    case null:
    case undefined:
      return null;
    default:
      return 'stop';
  }
}

export interface AnthropicUsageCounts {
  input: number;
  output: number;
  cacheRead: number;
  cacheWrite: number;
}

export function readAnthropicUsage(u: unknown, into?: AnthropicUsageCounts): AnthropicUsageCounts {
  const out = into ?? { input: 0, output: 0, cacheRead: 0, cacheWrite: 0 };
  if (!isRecord(u)) return out;
  const n = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);
  out.input = n(u.input_tokens) ?? out.input;
  out.output = n(u.output_tokens) ?? out.output;
  out.cacheRead = n(u.cache_read_input_tokens) ?? out.cacheRead;
  out.cacheWrite = n(u.cache_creation_input_tokens) ?? out.cacheWrite;
  return out;
}

/**
 * Anthropic counts cache reads and cache writes apart from input_tokens; OpenAI's prompt_tokens
 * is every input token, so both are added in, with their share in prompt_tokens_details so
 * pricing can apply the cache ratios.
 */
export function toOpenAIUsage(c: AnthropicUsageCounts): Usage {
  const prompt = c.input + c.cacheRead + c.cacheWrite;
  return {
    prompt_tokens: prompt,
    completion_tokens: c.output,
    total_tokens: prompt + c.output,
    prompt_tokens_details: { cached_tokens: c.cacheRead, cache_write_tokens: c.cacheWrite },
  };
}

/** Anthropic message → OpenAI chat.completion. */
export function toChatCompletion(msg: Record<string, unknown>, fallbackModel: string): ChatCompletion {
  let text = '';
  let reasoning = '';
  const toolCalls: ChatToolCall[] = [];
  for (const block of Array.isArray(msg.content) ? msg.content : []) {
    if (!isRecord(block)) continue;
    if (block.type === 'text' && typeof block.text === 'string') text += block.text;
    else if (block.type === 'thinking' && typeof block.thinking === 'string') reasoning += block.thinking;
    else if (block.type === 'tool_use')
      toolCalls.push({
        id: String(block.id ?? ''),
        type: 'function',
        function: { name: String(block.name ?? ''), arguments: JSON.stringify(block.input ?? {}) },
      });
  }
  const message: ChatCompletion['choices'][number]['message'] = {
    role: 'assistant',
    content: text || (toolCalls.length > 0 ? null : ''),
    refusal: null,
  };
  if (reasoning) message.reasoning_content = reasoning;
  if (toolCalls.length > 0) message.tool_calls = toolCalls;
  return {
    id: String(msg.id ?? `msg_${Date.now()}`),
    object: 'chat.completion',
    created: nowSeconds(),
    model: typeof msg.model === 'string' ? msg.model : fallbackModel,
    choices: [
      { index: 0, message, finish_reason: mapAnthropicStopReason(msg.stop_reason) ?? 'stop', logprobs: null },
    ],
    usage: toOpenAIUsage(readAnthropicUsage(msg.usage)),
  };
}
