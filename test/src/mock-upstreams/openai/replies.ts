import { createHash } from 'node:crypto';

/**
 * Deterministic content for the mock: the same request always gets the same reply, so tests
 * can assert on exact text and token counts. One "token" here is one word of the reply, and
 * prompt tokens are counted from the text the request carries (about 4 characters a token);
 * both are reported in `usage` exactly as OpenAI shapes it.
 */
export const REPLY_WORDS = [
  'Hello',
  ' from',
  ' the',
  ' mock',
  ' upstream.',
  ' This',
  ' reply',
  ' is',
  ' deterministic.',
];

export function replyWords(maxTokens: number | undefined): { words: string[]; finish: 'stop' | 'length' } {
  if (maxTokens !== undefined && maxTokens < REPLY_WORDS.length) {
    return { words: REPLY_WORDS.slice(0, Math.max(0, maxTokens)), finish: 'length' };
  }
  return { words: REPLY_WORDS, finish: 'stop' };
}

/** Prompt tokens of any JSON value: ~4 characters per token of every string in it, +3 per message. */
export function promptTokensOf(value: unknown): number {
  let chars = 0;
  let messages = 0;
  const walk = (v: unknown): void => {
    if (typeof v === 'string') chars += v.length;
    else if (Array.isArray(v)) for (const x of v) walk(x);
    else if (v && typeof v === 'object') {
      if ('role' in v) messages++;
      for (const x of Object.values(v)) walk(x);
    }
  };
  walk(value);
  return Math.ceil(chars / 4) + messages * 3 || 1;
}

/** A deterministic unit-ish vector for an input. */
export function embeddingOf(input: unknown, dimensions: number): number[] {
  const digest = createHash('sha256').update(JSON.stringify(input)).digest();
  const out: number[] = [];
  for (let i = 0; i < dimensions; i++) out.push(Math.round(((digest[i % 32]! - 128) / 128) * 1e6) / 1e6);
  return out;
}

export function shortId(prefix: string, seed: string): string {
  return `${prefix}${createHash('sha256').update(seed).digest('hex').slice(0, 24)}`;
}

/** Smallest valid MP3-like payload: an ID3 header and deterministic frames. */
export function speechBytes(text: string): Buffer {
  const header = Buffer.from('ID3\x04\x00\x00\x00\x00\x00\x00', 'latin1');
  const body = Buffer.alloc(Math.max(64, text.length * 8));
  for (let i = 0; i < body.length; i++) body[i] = (i * 31 + text.length) & 0xff;
  return Buffer.concat([header, body]);
}
