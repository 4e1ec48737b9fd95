import type { ChatTool } from '@switchboard/shared/openai';
import type { AdapterLogger } from '../contract.js';
import { clamp, contentText, maxTokensOf, messagesOf, restOf, stopList } from '../cn-common/message-text.js';

/**
 * OpenAI chat request → Qianfan wenxinworkshop chat body
 * (https://cloud.baidu.com/doc/WENXINWORKSHOP/s/clntwmv7t). ERNIE takes the system prompt as
 * a separate `system` field and wants user/assistant turns alternating, starting and ending
 * with user: system messages are lifted out and consecutive same-role turns merged.
 */
const MODEL_ENDPOINTS: Record<string, string> = {
  'ernie-4.0-8k': 'completions_pro',
  'ernie-bot-4': 'completions_pro',
  'ernie-4.0-8k-latest': 'ernie-4.0-8k-latest',
  'ernie-4.0-8k-preview': 'ernie-4.0-8k-preview',
  'ernie-4.0-turbo-8k': 'ernie-4.0-turbo-8k',
  'ernie-4.0-turbo-128k': 'ernie-4.0-turbo-128k',
  'ernie-3.5-8k': 'completions',
  'ernie-bot': 'completions',
  'ernie-3.5-128k': 'ernie-3.5-128k',
  'ernie-3.5-8k-preview': 'ernie-3.5-8k-preview',
  'ernie-speed-8k': 'ernie_speed',
  'ernie-speed-128k': 'ernie-speed-128k',
  'ernie-lite-8k': 'ernie-lite-8k',
  'ernie-tiny-8k': 'ernie-tiny-8k',
  'ernie-bot-turbo': 'eb-instant',
  'ernie-char-8k': 'ernie-char-8k',
  'ernie-functions-8k': 'ernie-func-8k',
};

/** Chat endpoint path segment for a model; unknown models are taken as custom endpoint names. */
export function baiduChatEndpoint(model: string): string {
  return MODEL_ENDPOINTS[model.toLowerCase()] ?? model;
}

const HANDLED = new Set([
  'model',
  'messages',
  'stream',
  'stream_options',
  'temperature',
  'top_p',
  'max_tokens',
  'max_completion_tokens',
  'stop',
  'user',
  'response_format',
  'tools',
  'tool_choice',
]);
const DROPPED = new Set([
  'n',
  'seed',
  'logprobs',
  'top_logprobs',
  'logit_bias',
  'presence_penalty',
  'frequency_penalty',
  'parallel_tool_calls',
  'functions',
  'function_call',
  'service_tier',
  'store',
  'metadata',
  'modalities',
  'reasoning_effort',
  'prediction',
  'audio',
]);

type Turn = {
  role: 'user' | 'assistant' | 'function';
  content: string;
  name?: string;
  function_call?: { name: string; arguments: string };
};

export function toBaiduChatBody(
  body: Record<string, unknown>,
  stream: boolean,
  log: AdapterLogger,
): Record<string, unknown> {
  const system: string[] = [];
  const turns: Turn[] = [];
  const toolNames = new Map<string, string>();
  for (const m of messagesOf(body)) {
    const text = contentText(m.content, log, 'baidu');
    if (m.role === 'system' || m.role === 'developer') {
      system.push(text);
      continue;
    }
    if (m.role === 'assistant' && m.tool_calls?.length) {
      // ERNIE calls one function per turn; OpenAI may list several.
      const [call, ...more] = m.tool_calls;
      if (more.length > 0) log.debug('baidu: only the first of several tool calls is kept in history');
      for (const c of m.tool_calls) toolNames.set(c.id, c.function.name);
      turns.push({
        role: 'assistant',
        content: text,
        function_call: { name: call!.function.name, arguments: call!.function.arguments },
      });
      continue;
    }
    if (m.role === 'tool' || m.role === 'function') {
      // A tool result is ERNIE's "function" turn, named after the function it answers.
      const name = m.name ?? (m.tool_call_id ? toolNames.get(m.tool_call_id) : undefined) ?? 'function';
      turns.push({ role: 'function', name, content: text });
      continue;
    }
    const role = m.role === 'assistant' ? 'assistant' : 'user';
    const last = turns[turns.length - 1];
    if (last && last.role === role && !last.function_call) last.content += `\n${text}`;
    else turns.push({ role, content: text });
  }
  const out: Record<string, unknown> = {
    ...restOf(body, HANDLED, DROPPED, log, 'baidu'),
    messages: turns,
    stream,
  };
  if (system.length > 0) out.system = system.join('\n');
  // ERNIE: temperature in (0, 1], top_p in [0, 1].
  const temperature = clamp(body.temperature, 0.01, 1, log, 'baidu temperature');
  if (temperature !== undefined) out.temperature = temperature;
  const topP = clamp(body.top_p, 0, 1, log, 'baidu top_p');
  if (topP !== undefined) out.top_p = topP;
  const maxTokens = maxTokensOf(body);
  if (maxTokens !== undefined) out.max_output_tokens = maxTokens;
  const stop = stopList(body.stop);
  if (stop) out.stop = stop;
  if (typeof body.user === 'string') out.user_id = body.user;
  applyTools(body, out, log);
  const format = body.response_format as { type?: string } | undefined;
  if (format?.type === 'json_object' || format?.type === 'text') out.response_format = format.type;
  else if (format) log.debug(`baidu: dropped response_format "${format.type}"`);
  return out;
}

/** OpenAI tools → ERNIE `functions` (ERNIE 3.5/4.0 function calling); tool_choice likewise. */
function applyTools(body: Record<string, unknown>, out: Record<string, unknown>, log: AdapterLogger): void {
  const tools = Array.isArray(body.tools) ? (body.tools as ChatTool[]) : [];
  if (tools.length === 0 || body.tool_choice === 'none') return;
  out.functions = tools.map((t) => ({
    name: t.function.name,
    description: t.function.description ?? '',
    parameters: t.function.parameters ?? { type: 'object', properties: {} },
  }));
  const choice = body.tool_choice;
  if (typeof choice === 'object' && choice !== null) {
    const name = (choice as { function?: { name?: string } }).function?.name;
    if (name) out.tool_choice = { type: 'function', function: { name } };
  } else if (choice === 'required') log.debug('baidu: tool_choice "required" sent as auto');
}
