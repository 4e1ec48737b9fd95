import type { ChatMessage } from '@switchboard/shared/openai';
import type { AdapterLogger } from '../contract.js';
import { clamp, contentText, maxTokensOf, messagesOf, restOf } from '../cn-common/message-text.js';

/**
 * OpenAI chat request → DashScope native text-generation body
 * (https://help.aliyun.com/zh/model-studio/developer-reference/use-qwen-by-calling-api):
 * `{model, input: {messages}, parameters: {result_format: "message", …}}`. Sampling and tool
 * fields move under `parameters`; fields DashScope does not know are passed there too, so
 * provider options such as `enable_search` reach it; the few it cannot take are dropped.
 */
const HANDLED = new Set([
  'model',
  'messages',
  'stream',
  'max_tokens',
  'max_completion_tokens',
  'temperature',
  'top_p',
]);
const DROPPED = new Set([
  'stream_options',
  'frequency_penalty',
  'logit_bias',
  'user',
  'service_tier',
  'store',
  'metadata',
  'modalities',
  'prediction',
  'audio',
  'reasoning_effort',
  'functions',
  'function_call',
]);

/**
 * Vision models (qwen-vl, qvq) are served by the multimodal-generation endpoint, whose message
 * content is a list of {text} / {image} items; DashScope fetches image URLs (and reads data
 * URLs) itself, so nothing is fetched here.
 */
export function isQwenMultimodal(model: string): boolean {
  return /^(qwen[\d.]*-vl|qvq)/i.test(model);
}

function multimodalContent(
  content: ChatMessage['content'],
  log: AdapterLogger,
): Array<Record<string, string>> {
  if (typeof content === 'string') return [{ text: content }];
  if (!Array.isArray(content)) return [];
  const out: Array<Record<string, string>> = [];
  for (const part of content) {
    if (part.type === 'text' && typeof part.text === 'string') out.push({ text: part.text });
    else if (part.type === 'image_url') {
      const url = (part as { image_url?: { url?: string } }).image_url?.url;
      if (url) out.push({ image: url });
    } else log.debug(`qwen: dropped a "${part.type}" content part the provider cannot take`);
  }
  return out;
}

export function toQwenChatBody(
  body: Record<string, unknown>,
  model: string,
  stream: boolean,
  log: AdapterLogger,
): Record<string, unknown> {
  const multimodal = isQwenMultimodal(model);
  const messages = messagesOf(body).map((m) => {
    const out: Record<string, unknown> = {
      role: m.role === 'developer' ? 'system' : m.role === 'function' ? 'tool' : m.role,
      content: multimodal ? multimodalContent(m.content, log) : contentText(m.content, log, 'qwen'),
    };
    if (m.tool_calls) out.tool_calls = m.tool_calls;
    if (m.tool_call_id) out.tool_call_id = m.tool_call_id;
    if (m.name) out.name = m.name;
    return out;
  });
  const parameters: Record<string, unknown> = {
    ...restOf(body, HANDLED, DROPPED, log, 'qwen'),
    result_format: 'message',
  };
  const maxTokens = maxTokensOf(body);
  if (maxTokens !== undefined) parameters.max_tokens = maxTokens;
  // DashScope: temperature in [0, 2) (OpenAI allows 2), top_p in (0, 1].
  const temperature = clamp(body.temperature, 0, 1.99, log, 'qwen temperature');
  if (temperature !== undefined) parameters.temperature = temperature;
  const topP = clamp(body.top_p, 0.01, 1, log, 'qwen top_p');
  if (topP !== undefined) parameters.top_p = topP;
  // Deltas, not the whole text so far, on every stream event.
  if (stream) parameters.incremental_output = true;
  return { model, input: { messages }, parameters };
}
