import type { AdapterLogger } from '../contract.js';
import { clamp, contentText, maxTokensOf, messagesOf } from '../cn-common/message-text.js';

/**
 * OpenAI chat request → Spark WebSocket request (https://www.xfyun.cn/doc/spark/Web.html):
 * {header: {app_id, uid}, parameter: {chat: {domain, temperature, max_tokens, top_k}},
 * payload: {message: {text: [{role, content}]}}}. Spark's schema is closed: anything else
 * is dropped with a debug line.
 */
const CHAT_FIELDS = new Set(['top_k', 'chat_id', 'show_ref_label', 'search_mode']);
const HANDLED = new Set([
  'model',
  'messages',
  'stream',
  'stream_options',
  'temperature',
  'max_tokens',
  'max_completion_tokens',
  'user',
]);

export function toSparkRequest(
  body: Record<string, unknown>,
  appId: string,
  domain: string,
  log: AdapterLogger,
): Record<string, unknown> {
  const chat: Record<string, unknown> = { domain };
  const temperature = clamp(body.temperature, 0.01, 1, log, 'spark temperature');
  if (temperature !== undefined) chat.temperature = temperature;
  const maxTokens = maxTokensOf(body);
  if (maxTokens !== undefined) chat.max_tokens = maxTokens;
  for (const [k, v] of Object.entries(body)) {
    if (HANDLED.has(k) || v === undefined || v === null) continue;
    if (CHAT_FIELDS.has(k)) chat[k] = v;
    else log.debug(`spark: dropped field "${k}" the provider cannot take`);
  }
  const text = messagesOf(body).map((m) => {
    const role =
      m.role === 'system' || m.role === 'developer'
        ? 'system'
        : m.role === 'assistant'
          ? 'assistant'
          : 'user';
    return { role, content: contentText(m.content, log, 'spark') };
  });
  const header: Record<string, unknown> = { app_id: appId };
  if (typeof body.user === 'string') header.uid = body.user.slice(0, 32);
  return { header, parameter: { chat }, payload: { message: { text } } };
}
