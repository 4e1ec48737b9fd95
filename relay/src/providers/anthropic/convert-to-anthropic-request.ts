import type { ChatContentPart, ChatMessage, ChatTool } from '@switchboard/shared/openai';
import type { AdapterLogger } from '../contract.js';
import { UpstreamError } from '../contract.js';
import { isRecord, parseDataUrl, parseJson } from '../upstream-http.js';

/**
 * OpenAI chat request → Anthropic Messages request (API version 2023-06-01,
 * https://docs.anthropic.com/en/api/messages). Anthropic takes the system prompt apart from
 * the messages, wants user/assistant turns alternating, tool results as user content blocks,
 * and a max_tokens on every request; it rejects fields it does not know, so OpenAI-only fields
 * are dropped (debug log) and only Anthropic's own extras pass through.
 */
export type AnthropicBlock = Record<string, unknown> & { type: string };
export interface AnthropicMessage {
  role: 'user' | 'assistant';
  content: AnthropicBlock[];
}

/** Anthropic-native top-level fields a client may send through the gateway as they are. */
const PASSTHROUGH = new Set(['top_k', 'thinking', 'metadata', 'service_tier', 'container', 'mcp_servers']);
/** OpenAI fields handled below (or meaningless upstream): not reported as dropped. */
const HANDLED = new Set([
  'model',
  'messages',
  'stream',
  'stream_options',
  'max_tokens',
  'max_completion_tokens',
  'temperature',
  'top_p',
  'stop',
  'tools',
  'tool_choice',
  'parallel_tool_calls',
  'user',
]);

/** Claude 3 Haiku's output ceiling, the lowest of current models: safe for any of them. */
export const DEFAULT_MAX_TOKENS = 4096;

export function toAnthropicRequest(
  body: Record<string, unknown>,
  model: string,
  stream: boolean,
  log: AdapterLogger,
  defaultMaxTokens = DEFAULT_MAX_TOKENS,
): Record<string, unknown> {
  const messages = Array.isArray(body.messages) ? (body.messages as ChatMessage[]) : [];
  const { system, turns } = convertMessages(messages);
  const out: Record<string, unknown> = {
    model,
    max_tokens: positiveInt(body.max_completion_tokens) ?? positiveInt(body.max_tokens) ?? defaultMaxTokens,
    messages: turns,
  };
  if (system.length > 0) out.system = system;
  if (stream) out.stream = true;
  if (typeof body.temperature === 'number') {
    // OpenAI allows 0..2, Anthropic 0..1.
    out.temperature = Math.min(1, Math.max(0, body.temperature));
    if (body.temperature > 1) log.debug('anthropic: temperature clamped to 1', { from: body.temperature });
  }
  // Anthropic: "alter temperature or top_p, but not both"; Claude Opus 4.1 and the 4.5+ models
  // refuse a request with both (400). Temperature, the one clients mean, is kept.
  if (typeof body.top_p === 'number') {
    if (typeof body.temperature === 'number')
      log.debug('anthropic: dropped top_p sent with temperature (Anthropic takes one of them)');
    else out.top_p = body.top_p;
  }
  const stop = typeof body.stop === 'string' ? [body.stop] : Array.isArray(body.stop) ? body.stop : null;
  if (stop && stop.length > 0) out.stop_sequences = stop;
  if (typeof body.user === 'string' && body.user) out.metadata = { user_id: body.user };

  const tools = Array.isArray(body.tools) ? (body.tools as ChatTool[]) : [];
  // Function tools are converted; Anthropic's own tools (web_search_…, bash_…) pass as sent.
  if (tools.length > 0)
    out.tools = tools
      .filter((t) => isRecord(t))
      .map((t) => (t.type === 'function' ? toAnthropicTool(t) : (t as unknown as Record<string, unknown>)));
  const choice = toAnthropicToolChoice(body.tool_choice, body.parallel_tool_calls);
  if (choice && tools.length > 0) out.tool_choice = choice;

  for (const [k, v] of Object.entries(body)) {
    if (HANDLED.has(k) || v === undefined || v === null) continue;
    if (PASSTHROUGH.has(k))
      out[k] = k === 'metadata' && isRecord(out.metadata) ? { ...out.metadata, ...(v as object) } : v;
    else log.debug('anthropic: dropped a field the Messages API does not take', { field: k });
  }
  return out;
}

function positiveInt(v: unknown): number | undefined {
  return typeof v === 'number' && Number.isInteger(v) && v > 0 ? v : undefined;
}

function toAnthropicTool(t: ChatTool): Record<string, unknown> {
  const tool: Record<string, unknown> = {
    name: t.function.name,
    input_schema: t.function.parameters ?? { type: 'object', properties: {} },
  };
  if (t.function.description) tool.description = t.function.description;
  return tool;
}

function toAnthropicToolChoice(choice: unknown, parallel: unknown): Record<string, unknown> | null {
  let out: Record<string, unknown> | null = null;
  if (choice === 'auto') out = { type: 'auto' };
  else if (choice === 'required') out = { type: 'any' };
  else if (choice === 'none') out = { type: 'none' };
  else if (isRecord(choice) && isRecord(choice.function) && typeof choice.function.name === 'string')
    out = { type: 'tool', name: choice.function.name };
  if (parallel === false) {
    out ??= { type: 'auto' };
    if (out.type !== 'none') out.disable_parallel_tool_use = true;
  }
  return out;
}

function convertMessages(messages: ChatMessage[]): { system: AnthropicBlock[]; turns: AnthropicMessage[] } {
  const system: AnthropicBlock[] = [];
  const turns: AnthropicMessage[] = [];
  const push = (role: 'user' | 'assistant', blocks: AnthropicBlock[]) => {
    if (blocks.length === 0) return;
    const last = turns[turns.length - 1];
    // Anthropic wants alternating turns: consecutive same-role messages become one turn.
    if (last && last.role === role) last.content.push(...blocks);
    else turns.push({ role, content: blocks });
  };

  for (const m of messages) {
    if (!m || typeof m !== 'object') continue;
    switch (m.role) {
      case 'system':
      case 'developer':
        system.push(...textBlocks(m.content));
        break;
      case 'user':
        push('user', contentBlocks(m.content));
        break;
      case 'assistant':
        push('assistant', assistantBlocks(m));
        break;
      case 'tool':
      case 'function':
        push('user', [toolResult(m)]);
        break;
      default:
        throw badRequest(`Unsupported message role: ${String(m.role)}`);
    }
  }
  // Anthropic rejects a final assistant turn that ends in whitespace (prefill).
  const last = turns[turns.length - 1];
  const lastBlock = last?.role === 'assistant' ? last.content[last.content.length - 1] : undefined;
  if (lastBlock?.type === 'text' && typeof lastBlock.text === 'string')
    lastBlock.text = lastBlock.text.trimEnd();
  return { system, turns };
}

function assistantBlocks(m: ChatMessage): AnthropicBlock[] {
  const blocks = textBlocks(m.content);
  for (const call of Array.isArray(m.tool_calls) ? m.tool_calls : []) {
    const parsed = parseJson(call.function?.arguments || '{}');
    blocks.push({
      type: 'tool_use',
      id: call.id,
      name: call.function?.name,
      input: isRecord(parsed) ? parsed : {},
    });
  }
  return blocks;
}

function toolResult(m: ChatMessage): AnthropicBlock {
  const blocks = contentBlocks(m.content);
  const block: AnthropicBlock = { type: 'tool_result', tool_use_id: m.tool_call_id ?? m.name ?? '' };
  if (blocks.length > 0) block.content = blocks;
  return block;
}

/**
 * System and assistant content: text only. A refusal part becomes text; other parts (audio
 * an assistant once produced…) cannot be replayed and are left out.
 */
function textBlocks(content: ChatMessage['content']): AnthropicBlock[] {
  if (!Array.isArray(content)) return contentBlocks(content);
  const out: AnthropicBlock[] = [];
  for (const part of content) {
    const text = part.type === 'text' ? part.text : part.type === 'refusal' ? part.refusal : undefined;
    if (typeof text !== 'string' || text === '') continue;
    const block: AnthropicBlock = { type: 'text', text };
    if ('cache_control' in part) block.cache_control = part.cache_control;
    out.push(block);
  }
  return out;
}

/** OpenAI message content → Anthropic content blocks (empty text dropped: Anthropic rejects it). */
function contentBlocks(content: ChatMessage['content']): AnthropicBlock[] {
  if (typeof content === 'string') return content ? [{ type: 'text', text: content }] : [];
  if (!Array.isArray(content)) return [];
  const out: AnthropicBlock[] = [];
  for (const part of content) {
    const block = contentBlock(part);
    if (block) out.push(block);
  }
  return out;
}

function contentBlock(part: ChatContentPart): AnthropicBlock | null {
  if (part.type === 'text') {
    const text = (part as { text?: unknown }).text;
    if (typeof text !== 'string' || text === '') return null;
    const block: AnthropicBlock = { type: 'text', text };
    if ('cache_control' in part) block.cache_control = part.cache_control;
    return block;
  }
  if (part.type === 'image_url') {
    const raw = (part as { image_url?: unknown }).image_url;
    const url = typeof raw === 'string' ? raw : isRecord(raw) ? String(raw.url ?? '') : '';
    const data = parseDataUrl(url);
    if (data)
      return { type: 'image', source: { type: 'base64', media_type: data.mimeType, data: data.data } };
    if (/^https?:\/\//i.test(url)) return { type: 'image', source: { type: 'url', url } };
    throw badRequest('image_url must be an http(s) URL or a base64 data: URL');
  }
  if (part.type === 'file') {
    const file = (part as { file?: { file_data?: unknown } }).file;
    const data = typeof file?.file_data === 'string' ? parseDataUrl(file.file_data) : null;
    if (data?.mimeType === 'application/pdf')
      return { type: 'document', source: { type: 'base64', media_type: data.mimeType, data: data.data } };
    throw badRequest('Only PDF files given as data: URLs can be sent to this model');
  }
  throw badRequest(`Unsupported content part type for this model: ${String(part.type)}`);
}

function badRequest(message: string): UpstreamError {
  return new UpstreamError({
    status: 400,
    type: 'invalid_request_error',
    code: null,
    message,
    retryable: false,
    fatal: null,
    upstreamStatus: 0,
    detail: `request conversion: ${message}`,
  });
}
