import type { ChatCompletion, ChatToolCall, FinishReason, Usage } from '@switchboard/shared/openai';
import { isRecord, nowSeconds } from '../upstream-http.js';

/** Converse stopReason → OpenAI finish_reason. */
export function mapConverseStopReason(reason: unknown): FinishReason | null {
  switch (reason) {
    case 'end_turn':
    case 'stop_sequence':
      return 'stop';
    case 'max_tokens':
    case 'model_context_window_exceeded':
      return 'length';
    case 'tool_use':
      return 'tool_calls';
    case 'guardrail_intervened':
    case 'content_filtered':
      return 'content_filter';
    case null:
    case undefined:
      return null;
    default:
      return 'stop';
  }
}

/**
 * Converse usage → OpenAI usage. `inputTokens` leaves out cache reads and writes (as
 * Anthropic's does), so both are added to prompt_tokens, with their share in the details for
 * the cache price ratios.
 */
export function toOpenAIUsage(u: unknown): Usage | null {
  if (!isRecord(u)) return null;
  const n = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : 0);
  const cacheRead = n(u.cacheReadInputTokens);
  const cacheWrite = n(u.cacheWriteInputTokens);
  const prompt = n(u.inputTokens) + cacheRead + cacheWrite;
  const completion = n(u.outputTokens);
  const usage: Usage = {
    prompt_tokens: prompt,
    completion_tokens: completion,
    total_tokens: prompt + completion,
  };
  if (cacheRead || cacheWrite)
    usage.prompt_tokens_details = { cached_tokens: cacheRead, cache_write_tokens: cacheWrite };
  return usage;
}

/** Converse response → OpenAI chat.completion. */
export function toChatCompletion(res: Record<string, unknown>, model: string, id: string): ChatCompletion {
  const msg = isRecord(res.output) && isRecord(res.output.message) ? res.output.message : {};
  let text = '';
  let reasoning = '';
  const toolCalls: ChatToolCall[] = [];
  for (const block of Array.isArray(msg.content) ? msg.content : []) {
    if (!isRecord(block)) continue;
    if (typeof block.text === 'string') text += block.text;
    else if (isRecord(block.reasoningContent) && isRecord(block.reasoningContent.reasoningText))
      reasoning += String(block.reasoningContent.reasoningText.text ?? '');
    else if (isRecord(block.toolUse))
      toolCalls.push({
        id: String(block.toolUse.toolUseId ?? ''),
        type: 'function',
        function: {
          name: String(block.toolUse.name ?? ''),
          arguments: JSON.stringify(block.toolUse.input ?? {}),
        },
      });
  }
  const message: ChatCompletion['choices'][number]['message'] = {
    role: 'assistant',
    content: text || (toolCalls.length > 0 ? null : ''),
    refusal: null,
  };
  if (reasoning) message.reasoning_content = reasoning;
  if (toolCalls.length > 0) message.tool_calls = toolCalls;
  const usage = toOpenAIUsage(res.usage);
  return {
    id,
    object: 'chat.completion',
    created: nowSeconds(),
    model,
    choices: [
      { index: 0, message, finish_reason: mapConverseStopReason(res.stopReason) ?? 'stop', logprobs: null },
    ],
    ...(usage ? { usage } : {}),
  };
}
