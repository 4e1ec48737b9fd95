import type { ChatContentPart, ChatMessage, ChatTool } from '@switchboard/shared/openai';
import type { AdapterContext } from '../contract.js';
import { UpstreamError } from '../contract.js';
import { isRecord, parseDataUrl, parseJson } from '../upstream-http.js';

/**
 * OpenAI chat request → Gemini GenerateContentRequest (Gemini API v1beta,
 * https://ai.google.dev/api/generate-content). Roles become user/model, system and developer
 * messages the systemInstruction, tool calls functionCall parts and tool results
 * functionResponse parts (which Gemini names by function, not by call id, so names are looked
 * up from the assistant turn that made the call). Gemini takes image bytes, not URLs: data:
 * URLs are decoded and http(s) URLs fetched through the SSRF-guarded ctx.fetchImage.
 */
export type GeminiPart = Record<string, unknown>;
export interface GeminiContent {
  role: 'user' | 'model';
  parts: GeminiPart[];
}

/** Gemini-native top-level fields a client may send as they are. */
const PASSTHROUGH = new Set(['safetySettings', 'cachedContent', 'labels', 'toolConfig']);
const HANDLED = new Set([
  'model',
  'messages',
  'stream',
  'stream_options',
  'max_tokens',
  'max_completion_tokens',
  'temperature',
  'top_p',
  'top_k',
  'n',
  'stop',
  'presence_penalty',
  'frequency_penalty',
  'seed',
  'response_format',
  'reasoning_effort',
  'tools',
  'tool_choice',
  'generationConfig',
]);

/** Models that refuse presencePenalty / frequencyPenalty (Gemini 2.5, 3 and later). */
const PENALTY_FREE = /(^|\/)gemini-(?:2\.5|[3-9])/;

/** Tool-call ids carry Gemini's thought signature after this marker, so it survives the round trip. */
export const SIGNATURE_MARK = '__thought__';

/** reasoning_effort → thinking budget, as Google's own OpenAI-compatible endpoint maps it. */
const THINKING_BUDGET: Record<string, number> = {
  none: 0,
  minimal: 512,
  low: 1024,
  medium: 8192,
  high: 24576,
};

/**
 * Gemini 3 refuses a replayed function call without its thought signature (400). Calls made
 * by another model or client carry none; Google documents this value to skip the check.
 */
export const SKIP_SIGNATURE = 'skip_thought_signature_validator';

export async function toGeminiRequest(
  body: Record<string, unknown>,
  model: string,
  ctx: AdapterContext,
): Promise<Record<string, unknown>> {
  const messages = Array.isArray(body.messages) ? (body.messages as ChatMessage[]) : [];
  const strictSignatures = /(^|\/)gemini-3/.test(model);
  const { systemParts, contents } = await convertMessages(messages, ctx, strictSignatures);
  const out: Record<string, unknown> = { contents };
  if (systemParts.length > 0) out.systemInstruction = { parts: systemParts };

  const gen: Record<string, unknown> = {};
  const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);
  const maxTokens = num(body.max_completion_tokens) ?? num(body.max_tokens);
  if (maxTokens !== undefined) gen.maxOutputTokens = maxTokens;
  if (num(body.temperature) !== undefined) gen.temperature = body.temperature;
  if (num(body.top_p) !== undefined) gen.topP = body.top_p;
  if (num(body.top_k) !== undefined) gen.topK = body.top_k;
  if (num(body.n) !== undefined && body.n !== 1) gen.candidateCount = body.n;
  // Gemini 2.5 and later answer 400 "Penalty is not enabled for models/…" to any non-zero
  // penalty (GenerationConfig lists them; only the 2.0 models take them): dropped there.
  const penalties = !PENALTY_FREE.test(model);
  for (const [from, to] of [
    ['presence_penalty', 'presencePenalty'],
    ['frequency_penalty', 'frequencyPenalty'],
  ] as const) {
    const v = num(body[from]);
    if (v === undefined) continue;
    if (penalties) gen[to] = v;
    else if (v !== 0) ctx.log.debug(`gemini: dropped ${from}, which this model does not take`, { model });
  }
  if (num(body.seed) !== undefined) gen.seed = body.seed;
  const stop = typeof body.stop === 'string' ? [body.stop] : Array.isArray(body.stop) ? body.stop : [];
  if (stop.length > 0) gen.stopSequences = stop.slice(0, 5);
  if (stop.length > 5) ctx.log.debug('gemini: kept the first 5 stop sequences', { given: stop.length });
  const format = isRecord(body.response_format) ? body.response_format : null;
  if (format?.type === 'json_object') gen.responseMimeType = 'application/json';
  if (format?.type === 'json_schema') {
    gen.responseMimeType = 'application/json';
    const schema = isRecord(format.json_schema) ? format.json_schema.schema : undefined;
    if (isRecord(schema)) gen.responseJsonSchema = schema;
  }
  if (typeof body.reasoning_effort === 'string' && body.reasoning_effort in THINKING_BUDGET)
    gen.thinkingConfig = { thinkingBudget: THINKING_BUDGET[body.reasoning_effort] };
  // A client speaking Gemini's own generationConfig wins over what was derived above.
  if (isRecord(body.generationConfig)) Object.assign(gen, body.generationConfig);
  if (Object.keys(gen).length > 0) out.generationConfig = gen;

  const allTools = Array.isArray(body.tools) ? (body.tools as ChatTool[]).filter((t) => isRecord(t)) : [];
  const tools = allTools.filter((t) => t.type === 'function');
  // Gemini's own tools ({googleSearch: {}}, {codeExecution: {}}, {urlContext: {}}) pass as sent.
  const native = allTools.filter((t) => t.type === undefined) as unknown as Record<string, unknown>[];
  const geminiTools: Record<string, unknown>[] = [...native];
  if (tools.length > 0) geminiTools.unshift({ functionDeclarations: tools.map(toDeclaration) });
  if (geminiTools.length > 0) out.tools = geminiTools;
  const toolConfig = toToolConfig(body.tool_choice);
  if (toolConfig && tools.length > 0) out.toolConfig = toolConfig;

  for (const [k, v] of Object.entries(body)) {
    if (HANDLED.has(k) || v === undefined || v === null) continue;
    if (PASSTHROUGH.has(k)) out[k] = v;
    else ctx.log.debug('gemini: dropped a field generateContent does not take', { field: k });
  }
  return out;
}

function toDeclaration(t: ChatTool): Record<string, unknown> {
  const decl: Record<string, unknown> = { name: t.function.name };
  if (t.function.description) decl.description = t.function.description;
  // parametersJsonSchema takes full JSON Schema; `parameters` only an OpenAPI subset.
  if (t.function.parameters && Object.keys(t.function.parameters).length > 0)
    decl.parametersJsonSchema = t.function.parameters;
  return decl;
}

function toToolConfig(choice: unknown): Record<string, unknown> | null {
  if (choice === 'auto') return { functionCallingConfig: { mode: 'AUTO' } };
  if (choice === 'none') return { functionCallingConfig: { mode: 'NONE' } };
  if (choice === 'required') return { functionCallingConfig: { mode: 'ANY' } };
  if (isRecord(choice) && isRecord(choice.function) && typeof choice.function.name === 'string')
    return { functionCallingConfig: { mode: 'ANY', allowedFunctionNames: [choice.function.name] } };
  return null;
}

async function convertMessages(
  messages: ChatMessage[],
  ctx: AdapterContext,
  strictSignatures: boolean,
): Promise<{ systemParts: GeminiPart[]; contents: GeminiContent[] }> {
  const systemParts: GeminiPart[] = [];
  const contents: GeminiContent[] = [];
  const callNames = new Map<string, string>();
  const push = (role: 'user' | 'model', parts: GeminiPart[]) => {
    if (parts.length === 0) return;
    const last = contents[contents.length - 1];
    // Parallel function responses belong in one turn; merging keeps roles alternating too.
    if (last && last.role === role) last.parts.push(...parts);
    else contents.push({ role, parts });
  };

  for (const m of messages) {
    if (!m || typeof m !== 'object') continue;
    switch (m.role) {
      case 'system':
      case 'developer':
        systemParts.push(...textParts(m.content));
        break;
      case 'user':
        push('user', await contentParts(m.content, ctx));
        break;
      case 'assistant': {
        const parts = textParts(m.content);
        for (const call of Array.isArray(m.tool_calls) ? m.tool_calls : []) {
          const name = call.function?.name ?? '';
          callNames.set(call.id, name);
          const args = parseJson(call.function?.arguments || '{}');
          const part: GeminiPart = { functionCall: { name, args: isRecord(args) ? args : {} } };
          const signature = call.id?.split(SIGNATURE_MARK)[1];
          if (signature) part.thoughtSignature = signature;
          else if (strictSignatures) part.thoughtSignature = SKIP_SIGNATURE;
          parts.push(part);
        }
        push('model', parts);
        break;
      }
      case 'tool':
      case 'function': {
        const name = (m.tool_call_id && callNames.get(m.tool_call_id)) || m.name || '';
        const text = textOf(m.content);
        const parsed = parseJson(text);
        push('user', [
          { functionResponse: { name, response: isRecord(parsed) ? parsed : { result: parsed ?? text } } },
        ]);
        break;
      }
      default:
        throw badRequest(`Unsupported message role: ${String(m.role)}`);
    }
  }
  return { systemParts, contents };
}

function textOf(content: ChatMessage['content']): string {
  if (typeof content === 'string') return content;
  if (!Array.isArray(content)) return '';
  return content
    .filter((p) => p.type === 'text')
    .map((p) => String((p as { text?: unknown }).text ?? ''))
    .join('');
}

/** System and assistant content: text only (a refusal part becomes text; nothing is fetched). */
function textParts(content: ChatMessage['content']): GeminiPart[] {
  if (typeof content === 'string') return content ? [{ text: content }] : [];
  if (!Array.isArray(content)) return [];
  const out: GeminiPart[] = [];
  for (const part of content) {
    const text = part.type === 'text' ? part.text : part.type === 'refusal' ? part.refusal : undefined;
    if (typeof text === 'string' && text) out.push({ text });
  }
  return out;
}

async function contentParts(content: ChatMessage['content'], ctx: AdapterContext): Promise<GeminiPart[]> {
  if (typeof content === 'string') return content ? [{ text: content }] : [];
  if (!Array.isArray(content)) return [];
  // Fetch images in parallel: a message with several URLs waits for the slowest, not the sum.
  const parts = await Promise.all(content.map((p) => contentPart(p, ctx)));
  return parts.filter((p): p is GeminiPart => p !== null);
}

async function contentPart(part: ChatContentPart, ctx: AdapterContext): Promise<GeminiPart | null> {
  switch (part.type) {
    case 'text': {
      const text = (part as { text?: unknown }).text;
      return typeof text === 'string' && text ? { text } : null;
    }
    case 'image_url': {
      const raw = (part as { image_url?: unknown }).image_url;
      const url = typeof raw === 'string' ? raw : isRecord(raw) ? String(raw.url ?? '') : '';
      // Files uploaded through Gemini's File API and YouTube videos are referenced, not fetched.
      if (GEMINI_FILE_URI.test(url) || YOUTUBE_URI.test(url)) return { fileData: { fileUri: url } };
      return { inlineData: await inline(url, ctx) };
    }
    case 'input_audio': {
      const audio = (part as { input_audio?: { data?: unknown; format?: unknown } }).input_audio;
      if (typeof audio?.data !== 'string') throw badRequest('input_audio.data must be base64');
      return { inlineData: { mimeType: `audio/${String(audio.format ?? 'wav')}`, data: audio.data } };
    }
    case 'file': {
      const file = (part as { file?: { file_data?: unknown } }).file;
      const data = typeof file?.file_data === 'string' ? parseDataUrl(file.file_data) : null;
      if (!data) throw badRequest('file parts must carry file_data as a data: URL');
      return { inlineData: { mimeType: data.mimeType, data: data.data } };
    }
    default:
      throw badRequest(`Unsupported content part type for this model: ${String(part.type)}`);
  }
}

const GEMINI_FILE_URI = /^https:\/\/generativelanguage\.googleapis\.com\/v1(?:beta)?\/files\/[\w-]+$/;
const YOUTUBE_URI = /^https:\/\/(?:www\.)?(?:youtube\.com\/watch\?v=|youtu\.be\/)[\w-]+/;

async function inline(url: string, ctx: AdapterContext): Promise<{ mimeType: string; data: string }> {
  const data = parseDataUrl(url);
  if (data) return data;
  if (!/^https?:\/\//i.test(url)) throw badRequest('image_url must be an http(s) URL or a base64 data: URL');
  const fetched = await ctx.fetchImage(url);
  return { mimeType: fetched.mimeType, data: fetched.data.toString('base64') };
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
