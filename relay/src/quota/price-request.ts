import type { Usage } from '@switchboard/shared/openai';
import { fixedQuota, parseRatio, type TokenUsage, tokenQuota } from '@switchboard/shared/pricing';
import type { ModelPrice } from '@switchboard/shared/relay-config';
import type { Endpoint } from '../providers/contract.js';
import { filesBound, imageCost } from './media-bounds.js';

/**
 * What a request may cost at most (the reservation) and what it did cost (settlement). The
 * prompt bound comes from the body's size — every token of a string is at least one UTF-8
 * byte — so no tokenizer runs on the hot path. Images and files are billed by what they
 * show, not by their bytes: they get the model's bounds from media-bounds.ts.
 */
/** Transcription size bound: 32 kbit/s audio, the lowest common bitrate = 240 KB a minute. */
const BYTES_PER_AUDIO_MINUTE = 240_000;

/**
 * `previousContextTokens`: a Responses follow-up (previous_response_id) is billed the earlier
 * conversation as input too, which is not in the body (see QuotaService.previousContext).
 */
export function promptUpperBound(body: Record<string, unknown>, previousContextTokens = 0): number {
  const model = typeof body.model === 'string' ? body.model : '';
  const image = imageCost(model);
  let tokens = 10 + previousContextTokens;
  let hasFile = false;
  const walk = (v: unknown): void => {
    if (typeof v === 'string') {
      tokens += v.startsWith('data:image/') ? image.high : Buffer.byteLength(v);
    } else if (Array.isArray(v)) {
      for (const x of v) walk(x);
    } else if (v && typeof v === 'object') {
      tokens += 4;
      const o = v as Record<string, unknown>;
      if (o.type === 'image_url' || o.type === 'input_image') {
        // Chat: { image_url: { url, detail } }; Responses: { image_url | file_id, detail }.
        const nested = o.image_url && typeof o.image_url === 'object' ? o.image_url : o;
        tokens += (nested as { detail?: unknown }).detail === 'low' ? image.low : image.high;
        return; // the URL's bytes are not what is billed
      }
      if (o.type === 'file' || o.type === 'input_file') hasFile = true;
      for (const k in o) if (k !== 'model') walk(o[k]);
    } else if (typeof v === 'number') tokens += 1;
  };
  walk(body);
  return hasFile ? tokens + filesBound(model) : tokens;
}

export function outputBound(body: Record<string, unknown>, price: ModelPrice): number {
  const explicit = body.max_completion_tokens ?? body.max_tokens ?? body.max_output_tokens;
  // Not a whole number: the upstream refuses it (400); bound it like an absent one meanwhile.
  const bound =
    Number.isInteger(explicit) && (explicit as number) > 0
      ? (explicit as number)
      : price.defaultMaxOutputTokens;
  const n = Number.isInteger(body.n) && (body.n as number) > 1 ? (body.n as number) : 1;
  return bound * n;
}

export interface RequestBound {
  /** Quota to reserve. */
  quota: bigint;
  /** Tokens counted into the tpm windows until settlement (0: none known before the reply). */
  tokens: number;
}

export function requestBound(
  endpoint: Endpoint,
  body: Record<string, unknown>,
  rawSize: number,
  price: ModelPrice,
  groupRatio: string,
  previousContextTokens = 0,
): RequestBound {
  switch (endpoint) {
    case 'images.generations':
      return { quota: imageQuota(body, price, groupRatio), tokens: 0 };
    case 'audio.speech':
      return { quota: speechQuota(body, price, groupRatio), tokens: 0 };
    case 'audio.transcriptions':
    case 'audio.translations':
      return {
        quota: transcriptionQuota(Math.ceil(rawSize / BYTES_PER_AUDIO_MINUTE), price, groupRatio),
        tokens: 0,
      };
    case 'embeddings':
    case 'moderations': {
      const promptTokens = promptUpperBound(body);
      return {
        quota: tokenQuota({ promptTokens, completionTokens: 0 }, price, groupRatio),
        tokens: promptTokens,
      };
    }
    default: {
      const promptTokens = promptUpperBound(body, previousContextTokens);
      const completionTokens = outputBound(body, price);
      const tokens = promptTokens + completionTokens;
      const plain = tokenQuota({ promptTokens, completionTokens }, price, groupRatio);
      // Reasoning may be priced above plain output: reserve for the dearer of the two.
      if (price.reasoningRatio && parseRatio(price.reasoningRatio) > parseRatio(price.completionRatio)) {
        const reasoning = tokenQuota(
          { promptTokens, completionTokens, reasoningTokens: completionTokens },
          price,
          groupRatio,
        );
        if (reasoning > plain) return { quota: reasoning, tokens };
      }
      return { quota: plain, tokens };
    }
  }
}

export function usageToTokens(u: Usage): TokenUsage {
  return {
    promptTokens: u.prompt_tokens ?? 0,
    completionTokens: u.completion_tokens ?? 0,
    cachedTokens: u.prompt_tokens_details?.cached_tokens ?? 0,
    cacheWriteTokens: u.prompt_tokens_details?.cache_write_tokens ?? 0,
    reasoningTokens: u.completion_tokens_details?.reasoning_tokens ?? 0,
  };
}

export function imageQuota(body: Record<string, unknown>, price: ModelPrice, groupRatio: string): bigint {
  const n = typeof body.n === 'number' && body.n > 0 ? body.n : 1;
  const size = String(body.size ?? '1024x1024');
  const quality = String(body.quality ?? 'standard');
  const unit =
    price.imagePrices[`${size}|${quality}`] ??
    price.imagePrices[size] ??
    price.imagePrices['*'] ??
    price.perCallQuota;
  return fixedQuota(unit || '0', n, groupRatio);
}

export function speechQuota(body: Record<string, unknown>, price: ModelPrice, groupRatio: string): bigint {
  const chars = String(body.input ?? '').length;
  if (price.audioPer1kCharsQuota)
    return fixedQuota(price.audioPer1kCharsQuota, Math.max(1, Math.ceil(chars / 1000)), groupRatio);
  return tokenQuota(
    { promptTokens: Buffer.byteLength(String(body.input ?? '')), completionTokens: 0 },
    price,
    groupRatio,
  );
}

export function transcriptionQuota(minutes: number, price: ModelPrice, groupRatio: string): bigint {
  if (price.audioPerMinuteQuota)
    return fixedQuota(price.audioPerMinuteQuota, Math.max(1, minutes), groupRatio);
  return fixedQuota(price.perCallQuota || '0', 1, groupRatio);
}
