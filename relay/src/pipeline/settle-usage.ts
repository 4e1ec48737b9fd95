import type { Usage } from '@switchboard/shared/openai';
import { tokenQuota } from '@switchboard/shared/pricing';
import type { ModelPrice } from '@switchboard/shared/relay-config';
import type { Endpoint } from '../providers/contract.js';
import { countPromptTokens, countTextTokens } from '../quota/count-tokens.js';
import { imageQuota, speechQuota, transcriptionQuota, usageToTokens } from '../quota/price-request.js';

export interface Billed {
  quota: bigint;
  usage: Usage | null;
  estimated: boolean;
}

const BYTES_PER_AUDIO_MINUTE = 240_000;

/**
 * The actual cost of a served request. Usage comes from the upstream; when it gave none the
 * prompt and the produced text are counted with the tokenizer (streams included).
 */
export async function billServed(p: {
  endpoint: Endpoint;
  body: Record<string, unknown>;
  rawSize: number;
  model: string;
  upstreamUsage: Usage | null;
  completionText: () => string;
  price: ModelPrice;
  groupRatio: string;
}): Promise<Billed> {
  const { endpoint, body, price, groupRatio } = p;
  switch (endpoint) {
    case 'images.generations':
      return { quota: imageQuota(body, price, groupRatio), usage: p.upstreamUsage, estimated: false };
    case 'audio.speech':
      return { quota: speechQuota(body, price, groupRatio), usage: null, estimated: false };
    case 'audio.transcriptions':
    case 'audio.translations': {
      const seconds = typeof p.upstreamUsage?.seconds === 'number' ? p.upstreamUsage.seconds : null;
      if (p.upstreamUsage && seconds === null && !price.audioPerMinuteQuota)
        return {
          quota: tokenQuota(usageToTokens(p.upstreamUsage), price, groupRatio),
          usage: p.upstreamUsage,
          estimated: false,
        };
      const minutes =
        seconds !== null ? Math.ceil(seconds / 60) : Math.ceil(p.rawSize / BYTES_PER_AUDIO_MINUTE);
      return {
        quota: transcriptionQuota(minutes, price, groupRatio),
        usage: p.upstreamUsage,
        estimated: seconds === null,
      };
    }
    case 'responses.get':
    case 'responses.delete':
    case 'responses.input_items':
    case 'responses.cancel':
      return { quota: 0n, usage: null, estimated: false };
  }
  let usage = p.upstreamUsage;
  let estimated = false;
  if (!usage) {
    estimated = true;
    const promptTokens = await countPromptTokens(p.model, body);
    const completionTokens =
      endpoint === 'embeddings' || endpoint === 'moderations'
        ? 0
        : await countTextTokens(p.model, p.completionText());
    usage = {
      prompt_tokens: promptTokens,
      completion_tokens: completionTokens,
      total_tokens: promptTokens + completionTokens,
    };
  }
  return { quota: tokenQuota(usageToTokens(usage), price, groupRatio), usage, estimated };
}

/** Generated text of a non-stream JSON reply (only parsed when usage is missing). */
export function jsonCompletionText(body: Buffer | object): string {
  let parsed: Record<string, unknown>;
  try {
    parsed = Buffer.isBuffer(body) ? JSON.parse(body.toString('utf8')) : (body as Record<string, unknown>);
  } catch {
    return '';
  }
  let out = '';
  for (const c of (parsed.choices as Array<Record<string, unknown>>) ?? []) {
    if (typeof c.text === 'string') out += c.text;
    const m = c.message as Record<string, unknown> | undefined;
    if (typeof m?.content === 'string') out += m.content;
    if (typeof m?.reasoning_content === 'string') out += m.reasoning_content;
    for (const t of (m?.tool_calls as Array<{ function?: { name?: string; arguments?: string } }>) ?? [])
      out += (t.function?.name ?? '') + (t.function?.arguments ?? '');
  }
  for (const item of (parsed.output as Array<{ content?: Array<{ text?: string }> }>) ?? [])
    for (const part of item.content ?? []) if (typeof part.text === 'string') out += part.text;
  return out;
}
