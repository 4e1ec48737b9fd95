import type { Usage } from '@switchboard/shared/openai';

/**
 * Reading usage out of OpenAI-shaped bodies without parsing all of them: the `usage` object
 * is located from the end and only that slice is parsed (fall back to a full parse).
 */
export function extractUsage(body: Buffer | string): Usage | null {
  // Large bodies (embeddings) are searched as bytes: only the tail from "usage" is decoded.
  if (Buffer.isBuffer(body)) {
    const at = body.lastIndexOf('"usage"');
    if (at === -1) return null;
    const usage = extractUsage(body.subarray(at).toString('utf8'));
    return usage ?? extractFromFull(body.toString('utf8'));
  }
  const text = body;
  const at = text.lastIndexOf('"usage"');
  if (at === -1) return null;
  const open = text.indexOf('{', at);
  if (open === -1) return null;
  const close = matchBrace(text, open);
  if (close !== -1) {
    try {
      return normalizeUsage(JSON.parse(text.slice(open, close + 1)));
    } catch {
      /* fall through */
    }
  }
  return null;
}

function extractFromFull(text: string): Usage | null {
  try {
    return normalizeUsage((JSON.parse(text) as { usage?: unknown }).usage);
  } catch {
    return null;
  }
}

function matchBrace(text: string, open: number): number {
  let depth = 0;
  let inString = false;
  for (let i = open; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92) i++;
      else if (c === 34) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 123) depth++;
    else if (c === 125 && --depth === 0) return i;
  }
  return -1;
}

/**
 * Chat/completions usage as is; Responses API usage (input_tokens/output_tokens) and audio
 * usage ({type:'duration', seconds} / {type:'tokens'}) mapped to the chat shape.
 */
export function normalizeUsage(u: unknown): Usage | null {
  if (!u || typeof u !== 'object') return null;
  const o = u as Record<string, unknown> & {
    input_tokens_details?: { cached_tokens?: number };
    output_tokens_details?: { reasoning_tokens?: number };
  };
  if (typeof o.prompt_tokens === 'number') {
    return { ...(o as unknown as Usage), completion_tokens: Number(o.completion_tokens ?? 0) };
  }
  if (typeof o.input_tokens === 'number' || typeof o.output_tokens === 'number') {
    const prompt = Number(o.input_tokens ?? 0);
    const completion = Number(o.output_tokens ?? 0);
    return {
      prompt_tokens: prompt,
      completion_tokens: completion,
      total_tokens: prompt + completion,
      prompt_tokens_details: { cached_tokens: o.input_tokens_details?.cached_tokens ?? 0 },
      completion_tokens_details: { reasoning_tokens: o.output_tokens_details?.reasoning_tokens ?? 0 },
    };
  }
  if (o.type === 'duration' && typeof o.seconds === 'number') {
    return { prompt_tokens: 0, completion_tokens: 0, total_tokens: 0, seconds: o.seconds };
  }
  return null;
}
