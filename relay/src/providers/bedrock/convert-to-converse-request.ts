import type { ChatContentPart, ChatMessage, ChatTool } from '@switchboard/shared/openai';
import type { AdapterContext, AdapterLogger } from '../contract.js';
import { UpstreamError } from '../contract.js';
import { isRecord, parseDataUrl, parseJson } from '../upstream-http.js';

/**
 * OpenAI chat request → Bedrock Converse request (API version 2023-09-30,
 * https://docs.aws.amazon.com/bedrock/latest/APIReference/API_runtime_Converse.html).
 * System prompts go to `system`, turns alternate user/assistant (consecutive same-role
 * messages merged), tool results are user `toolResult` blocks, images are inline bytes
 * (an http(s) URL is fetched through the SSRF-guarded fetcher), sampling goes to
 * `inferenceConfig`. Converse rejects unknown top-level fields, so OpenAI-only fields are
 * dropped with a debug line; Converse's own fields pass through.
 */
type Block = Record<string, unknown>;
interface Turn {
  role: 'user' | 'assistant';
  content: Block[];
}

/** Converse-native fields a client may send through the gateway as they are. */
const PASSTHROUGH = new Set([
  'additionalModelRequestFields',
  'additionalModelResponseFieldPaths',
  'guardrailConfig',
  'promptVariables',
  'requestMetadata',
  'performanceConfig',
]);
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
  'inferenceConfig',
  'toolConfig',
]);

const IMAGE_FORMATS: Record<string, string> = {
  'image/png': 'png',
  'image/jpeg': 'jpeg',
  'image/jpg': 'jpeg',
  'image/gif': 'gif',
  'image/webp': 'webp',
};

export async function toConverseRequest(
  body: Record<string, unknown>,
  ctx: Pick<AdapterContext, 'fetchImage'>,
  log: AdapterLogger,
): Promise<Record<string, unknown>> {
  const messages = Array.isArray(body.messages) ? (body.messages as ChatMessage[]) : [];
  const system: Block[] = [];
  const turns: Turn[] = [];
  const push = (role: Turn['role'], blocks: Block[]) => {
    if (blocks.length === 0) return;
    const last = turns.at(-1);
    if (last && last.role === role) last.content.push(...blocks);
    else turns.push({ role, content: blocks });
  };
  for (const m of messages) {
    if (!isRecord(m)) continue;
    switch (m.role) {
      case 'system':
      case 'developer':
        for (const text of texts(m.content)) system.push({ text });
        break;
      case 'user':
        push('user', await contentBlocks(m.content, ctx));
        break;
      case 'assistant': {
        const blocks: Block[] = texts(m.content).map((text) => ({ text }));
        for (const call of Array.isArray(m.tool_calls) ? m.tool_calls : []) {
          const input = parseJson(call.function?.arguments || '{}');
          blocks.push({
            toolUse: { toolUseId: call.id, name: call.function?.name, input: isRecord(input) ? input : {} },
          });
        }
        push('assistant', blocks);
        break;
      }
      case 'tool':
      case 'function': {
        const text = texts(m.content).join('');
        const parsed = parseJson(text);
        push('user', [
          {
            toolResult: {
              toolUseId: m.tool_call_id ?? m.name ?? '',
              // A JSON object result goes as `json`, anything else as text.
              content: [isRecord(parsed) ? { json: parsed } : { text: text || ' ' }],
            },
          },
        ]);
        break;
      }
      default:
        throw badRequest(`Unsupported message role: ${String(m.role)}`);
    }
  }

  const out: Record<string, unknown> = { messages: turns };
  if (system.length > 0) out.system = system;
  const inference: Record<string, unknown> = isRecord(body.inferenceConfig)
    ? { ...body.inferenceConfig }
    : {};
  const maxTokens = positiveInt(body.max_completion_tokens) ?? positiveInt(body.max_tokens);
  if (maxTokens) inference.maxTokens = maxTokens;
  if (typeof body.temperature === 'number')
    inference.temperature = Math.min(1, Math.max(0, body.temperature));
  if (typeof body.top_p === 'number') inference.topP = body.top_p;
  const stop = typeof body.stop === 'string' ? [body.stop] : Array.isArray(body.stop) ? body.stop : null;
  if (stop && stop.length > 0) inference.stopSequences = stop;
  if (Object.keys(inference).length > 0) out.inferenceConfig = inference;

  const tools = Array.isArray(body.tools)
    ? (body.tools as ChatTool[]).filter((t) => t?.type === 'function')
    : [];
  if (isRecord(body.toolConfig)) out.toolConfig = body.toolConfig;
  else if (tools.length > 0) {
    const toolConfig: Record<string, unknown> = {
      tools: tools.map((t) => ({
        toolSpec: {
          name: t.function.name,
          ...(t.function.description ? { description: t.function.description } : {}),
          inputSchema: { json: t.function.parameters ?? { type: 'object', properties: {} } },
        },
      })),
    };
    const choice = body.tool_choice;
    if (choice === 'required') toolConfig.toolChoice = { any: {} };
    else if (choice === 'auto') toolConfig.toolChoice = { auto: {} };
    else if (isRecord(choice) && isRecord(choice.function) && typeof choice.function.name === 'string')
      toolConfig.toolChoice = { tool: { name: choice.function.name } };
    // Converse has no "none": the tools stay declared (earlier toolUse blocks need them).
    else if (choice === 'none') log.debug('bedrock: tool_choice "none" has no Converse equivalent');
    out.toolConfig = toolConfig;
  }

  for (const [k, v] of Object.entries(body)) {
    if (HANDLED.has(k) || v === undefined || v === null) continue;
    if (PASSTHROUGH.has(k)) out[k] = v;
    else log.debug('bedrock: dropped a field the Converse API does not take', { field: k });
  }
  return out;
}

function positiveInt(v: unknown): number | undefined {
  return typeof v === 'number' && Number.isInteger(v) && v > 0 ? v : undefined;
}

/** The text parts of a message (empty ones dropped: Converse rejects blank text blocks). */
function texts(content: ChatMessage['content']): string[] {
  if (typeof content === 'string') return content ? [content] : [];
  if (!Array.isArray(content)) return [];
  const out: string[] = [];
  for (const part of content) {
    const text = part.type === 'text' ? part.text : part.type === 'refusal' ? part.refusal : undefined;
    if (typeof text === 'string' && text) out.push(text);
  }
  return out;
}

async function contentBlocks(
  content: ChatMessage['content'],
  ctx: Pick<AdapterContext, 'fetchImage'>,
): Promise<Block[]> {
  if (typeof content === 'string') return content ? [{ text: content }] : [];
  if (!Array.isArray(content)) return [];
  const out: Block[] = [];
  for (const part of content) {
    const block = await contentBlock(part, ctx);
    if (block) out.push(block);
  }
  return out;
}

async function contentBlock(
  part: ChatContentPart,
  ctx: Pick<AdapterContext, 'fetchImage'>,
): Promise<Block | null> {
  if (part.type === 'text') {
    const text = (part as { text?: unknown }).text;
    return typeof text === 'string' && text ? { text } : null;
  }
  if (part.type === 'image_url') {
    const raw = (part as { image_url?: unknown }).image_url;
    const url = typeof raw === 'string' ? raw : isRecord(raw) ? String(raw.url ?? '') : '';
    const data = parseDataUrl(url);
    let mimeType: string;
    let bytes: string;
    if (data) {
      mimeType = data.mimeType;
      bytes = data.data;
    } else if (/^https?:\/\//i.test(url)) {
      const fetched = await ctx.fetchImage(url);
      mimeType = fetched.mimeType;
      bytes = fetched.data.toString('base64');
    } else throw badRequest('image_url must be an http(s) URL or a base64 data: URL');
    const format = IMAGE_FORMATS[mimeType.toLowerCase()];
    if (!format) throw badRequest(`Unsupported image type for this model: ${mimeType}`);
    return { image: { format, source: { bytes } } };
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
