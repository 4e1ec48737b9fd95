import type { AdapterLogger } from '../contract.js';
import { clamp, messagesOf, restOf } from '../cn-common/message-text.js';

/**
 * OpenAI chat request → Zhipu v4 chat body (https://open.bigmodel.cn/dev/api/normal-model/glm-4).
 * The body is OpenAI-like: messages (with image parts for glm-4v), tools and response_format
 * pass as they are; `user` becomes `user_id`; sampling fields outside GLM's ranges are
 * clamped; the fields GLM does not take are dropped.
 */
const HANDLED = new Set(['temperature', 'top_p', 'user', 'max_completion_tokens', 'stream_options']);
const DROPPED = new Set([
  'n',
  'presence_penalty',
  'frequency_penalty',
  'logit_bias',
  'logprobs',
  'top_logprobs',
  'seed',
  'parallel_tool_calls',
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

export function toZhipuChatBody(
  body: Record<string, unknown>,
  model: string,
  stream: boolean,
  log: AdapterLogger,
): Record<string, unknown> {
  const out: Record<string, unknown> = { ...restOf(body, HANDLED, DROPPED, log, 'zhipu'), model, stream };
  // GLM has no "developer" role; it is a system prompt.
  out.messages = messagesOf(body).map((m) => (m.role === 'developer' ? { ...m, role: 'system' } : m));
  // GLM-4: temperature [0, 1], top_p (0, 1).
  const temperature = clamp(body.temperature, 0, 1, log, 'zhipu temperature');
  if (temperature !== undefined) out.temperature = temperature;
  const topP = clamp(body.top_p, 0.01, 0.99, log, 'zhipu top_p');
  if (topP !== undefined) out.top_p = topP;
  if (typeof body.max_completion_tokens === 'number' && out.max_tokens === undefined)
    out.max_tokens = body.max_completion_tokens;
  if (typeof body.user === 'string') out.user_id = body.user;
  if (body.tool_choice !== undefined && body.tool_choice !== 'auto') {
    log.debug('zhipu: tool_choice other than "auto" dropped');
    delete out.tool_choice;
  }
  return out;
}
