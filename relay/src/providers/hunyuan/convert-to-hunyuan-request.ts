import type { ChatTool } from '@switchboard/shared/openai';
import type { AdapterLogger } from '../contract.js';
import { clamp, contentText, messagesOf, stopList } from '../cn-common/message-text.js';

/**
 * OpenAI chat request → Hunyuan ChatCompletions (API 2023-09-01,
 * https://cloud.tencent.com/document/api/1729/105701). Tencent's parameters are PascalCase:
 * OpenAI fields are renamed; PascalCase fields the client sends (EnableEnhancement,
 * SearchInfo, …) pass as they are; other lower-case fields are dropped with a debug line.
 */
const HANDLED = new Set([
  'model',
  'messages',
  'stream',
  'stream_options',
  'temperature',
  'top_p',
  'seed',
  'stop',
  'tools',
  'tool_choice',
]);

export function toHunyuanBody(
  body: Record<string, unknown>,
  model: string,
  stream: boolean,
  log: AdapterLogger,
): Record<string, unknown> {
  const out: Record<string, unknown> = {
    Model: model,
    Messages: alternate(messagesOf(body).map((m) => toMessage(m, log))),
    Stream: stream,
  };
  const temperature = clamp(body.temperature, 0, 2, log, 'hunyuan temperature');
  if (temperature !== undefined) out.Temperature = temperature;
  const topP = clamp(body.top_p, 0, 1, log, 'hunyuan top_p');
  if (topP !== undefined) out.TopP = topP;
  if (typeof body.seed === 'number') out.Seed = body.seed;
  const stop = stopList(body.stop);
  if (stop) out.Stop = stop;
  if (Array.isArray(body.tools) && body.tools.length > 0) {
    out.Tools = (body.tools as ChatTool[]).map((t) => ({
      Type: 'function',
      Function: {
        Name: t.function.name,
        Description: t.function.description ?? '',
        // Hunyuan takes the JSON schema as a JSON string.
        Parameters: JSON.stringify(t.function.parameters ?? { type: 'object', properties: {} }),
      },
    }));
    const choice = body.tool_choice;
    if (choice === 'none' || choice === 'auto') out.ToolChoice = choice;
    else if (typeof choice === 'object' && choice !== null) {
      const name = (choice as { function?: { name?: string } }).function?.name;
      out.ToolChoice = 'custom';
      out.CustomTool =
        out.Tools &&
        (out.Tools as Array<{ Function: { Name: string } }>).find((t) => t.Function.Name === name);
    } else if (choice === 'required') log.debug('hunyuan: tool_choice "required" sent as "auto"');
  }
  for (const [k, v] of Object.entries(body)) {
    if (HANDLED.has(k) || v === undefined || v === null) continue;
    if (/^[A-Z]/.test(k)) out[k] = v;
    else log.debug(`hunyuan: dropped field "${k}" the provider cannot take`);
  }
  return out;
}

/**
 * Hunyuan's Messages rules (API reference): one optional system message, first; user (or tool)
 * and assistant turns alternating; only tool messages may follow one another. OpenAI allows
 * any order, so system messages are joined into the first one and consecutive user or
 * assistant messages are joined into one.
 */
function alternate(messages: Array<Record<string, unknown>>): Array<Record<string, unknown>> {
  const system = messages.filter((m) => m.Role === 'system').map((m) => String(m.Content ?? ''));
  const out: Array<Record<string, unknown>> = system.length
    ? [{ Role: 'system', Content: system.join('\n') }]
    : [];
  for (const m of messages) {
    if (m.Role === 'system') continue;
    const last = out.at(-1);
    if (!last || last.Role !== m.Role || m.Role === 'tool' || last.Role === 'system') {
      out.push({ ...m });
      continue;
    }
    last.Content = [last.Content, m.Content].filter((c) => typeof c === 'string' && c).join('\n');
    if (Array.isArray(m.ToolCalls))
      last.ToolCalls = [...(Array.isArray(last.ToolCalls) ? last.ToolCalls : []), ...m.ToolCalls];
  }
  return out;
}

function toMessage(m: ReturnType<typeof messagesOf>[number], log: AdapterLogger): Record<string, unknown> {
  const role = m.role === 'developer' ? 'system' : m.role === 'function' ? 'tool' : m.role;
  const out: Record<string, unknown> = { Role: role, Content: contentText(m.content, log, 'hunyuan') };
  if (m.tool_calls?.length)
    out.ToolCalls = m.tool_calls.map((c) => ({
      Id: c.id,
      Type: 'function',
      Function: { Name: c.function.name, Arguments: c.function.arguments },
    }));
  if (m.tool_call_id) out.ToolCallId = m.tool_call_id;
  return out;
}
