import { randomBytes } from 'node:crypto';
import type { ChatCompletion, ChatToolCall, FinishReason, Usage } from '@switchboard/shared/openai';
import { isRecord, nowSeconds } from '../upstream-http.js';
import { SIGNATURE_MARK } from './convert-to-gemini-request.js';

/** Gemini finishReason → OpenAI finish_reason (https://ai.google.dev/api/generate-content#FinishReason). */
export function mapGeminiFinishReason(reason: unknown, hasToolCalls: boolean): FinishReason | null {
  switch (reason) {
    case undefined:
    case null:
    case 'FINISH_REASON_UNSPECIFIED':
      return null;
    case 'STOP':
      return hasToolCalls ? 'tool_calls' : 'stop';
    case 'MAX_TOKENS':
      return 'length';
    case 'SAFETY':
    case 'RECITATION':
    case 'BLOCKLIST':
    case 'PROHIBITED_CONTENT':
    case 'SPII':
    case 'IMAGE_SAFETY':
    case 'IMAGE_PROHIBITED_CONTENT':
    case 'IMAGE_RECITATION':
      return 'content_filter';
    default:
      // OTHER, LANGUAGE, MALFORMED_FUNCTION_CALL, UNEXPECTED_TOOL_CALL, … : the turn ended.
      return hasToolCalls ? 'tool_calls' : 'stop';
  }
}

/**
 * usageMetadata → OpenAI usage. promptTokenCount already includes cached tokens; thinking
 * tokens are reported apart from candidatesTokenCount and are billed as output, so they are
 * added to completion_tokens and shown as reasoning tokens.
 */
export function toOpenAIUsage(meta: unknown): Usage | null {
  if (!isRecord(meta)) return null;
  const n = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : 0);
  const prompt = n(meta.promptTokenCount) + n(meta.toolUsePromptTokenCount);
  const thoughts = n(meta.thoughtsTokenCount);
  const completion = n(meta.candidatesTokenCount) + thoughts;
  return {
    prompt_tokens: prompt,
    completion_tokens: completion,
    total_tokens: prompt + completion,
    prompt_tokens_details: { cached_tokens: n(meta.cachedContentTokenCount) },
    completion_tokens_details: { reasoning_tokens: thoughts },
  };
}

export function newToolCallId(signature?: unknown): string {
  const id = `call_${randomBytes(12).toString('hex')}`;
  return typeof signature === 'string' && signature ? `${id}${SIGNATURE_MARK}${signature}` : id;
}

export interface CandidateParts {
  text: string;
  reasoning: string;
  toolCalls: ChatToolCall[];
}

export function readParts(candidate: Record<string, unknown>): CandidateParts {
  const out: CandidateParts = { text: '', reasoning: '', toolCalls: [] };
  const content = isRecord(candidate.content) ? candidate.content : {};
  for (const part of Array.isArray(content.parts) ? content.parts : []) {
    if (!isRecord(part)) continue;
    if (typeof part.text === 'string') {
      if (part.thought === true) out.reasoning += part.text;
      else out.text += part.text;
    } else if (isRecord(part.functionCall)) {
      out.toolCalls.push({
        id:
          typeof part.functionCall.id === 'string'
            ? part.functionCall.id
            : newToolCallId(part.thoughtSignature),
        type: 'function',
        function: {
          name: String(part.functionCall.name ?? ''),
          arguments: JSON.stringify(part.functionCall.args ?? {}),
        },
      });
    }
  }
  return out;
}

/** GenerateContentResponse → OpenAI chat.completion (one choice per candidate). */
export function toChatCompletion(res: Record<string, unknown>, model: string): ChatCompletion {
  const candidates = Array.isArray(res.candidates) ? res.candidates.filter(isRecord) : [];
  const choices: ChatCompletion['choices'] = candidates.map((c, i) => {
    const parts = readParts(c);
    const message: ChatCompletion['choices'][number]['message'] = {
      role: 'assistant',
      content: parts.text || (parts.toolCalls.length > 0 ? null : ''),
      refusal: null,
    };
    if (parts.reasoning) message.reasoning_content = parts.reasoning;
    if (parts.toolCalls.length > 0) message.tool_calls = parts.toolCalls;
    return {
      index: typeof c.index === 'number' ? c.index : i,
      message,
      finish_reason: mapGeminiFinishReason(c.finishReason, parts.toolCalls.length > 0) ?? 'stop',
      logprobs: null,
    };
  });
  // A prompt blocked by safety comes back with promptFeedback.blockReason and no candidates.
  if (choices.length === 0)
    choices.push({
      index: 0,
      message: { role: 'assistant', content: '', refusal: null },
      finish_reason: 'content_filter',
    });
  const usage = toOpenAIUsage(res.usageMetadata);
  return {
    id:
      typeof res.responseId === 'string'
        ? `chatcmpl-${res.responseId}`
        : `chatcmpl-${randomBytes(12).toString('hex')}`,
    object: 'chat.completion',
    created: nowSeconds(),
    model: typeof res.modelVersion === 'string' ? res.modelVersion : model,
    choices,
    ...(usage ? { usage } : {}),
  };
}
