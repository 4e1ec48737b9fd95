import type { Tiktoken } from 'js-tiktoken/lite';

/**
 * Local token counting, used only when an upstream reports no usage (never on the hot path
 * otherwise). o200k_base for the GPT-4o/4.1/o-series/GPT-5 families, cl100k_base for the
 * rest; rank tables load lazily on first use.
 */
const encoders = new Map<string, Promise<Tiktoken>>();

function encodingFor(model: string): 'o200k_base' | 'cl100k_base' {
  return /^(gpt-4o|gpt-4\.1|gpt-4\.5|gpt-5|o\d|chatgpt-4o|omni)/.test(model) ? 'o200k_base' : 'cl100k_base';
}

async function encoder(name: 'o200k_base' | 'cl100k_base'): Promise<Tiktoken> {
  let p = encoders.get(name);
  if (!p) {
    p = (async () => {
      const { Tiktoken } = await import('js-tiktoken/lite');
      const ranks =
        name === 'o200k_base'
          ? (await import('js-tiktoken/ranks/o200k_base')).default
          : (await import('js-tiktoken/ranks/cl100k_base')).default;
      return new Tiktoken(ranks);
    })();
    encoders.set(name, p);
  }
  return p;
}

export async function countTextTokens(model: string, text: string): Promise<number> {
  if (!text) return 0;
  const enc = await encoder(encodingFor(model));
  return enc.encode(text).length;
}

/** Prompt tokens of a chat/completions/embeddings/responses body, as OpenAI counts them (3 per message + 3). */
export async function countPromptTokens(model: string, body: Record<string, unknown>): Promise<number> {
  const enc = await encoder(encodingFor(model));
  let tokens = 0;
  const count = (s: string) => {
    tokens += enc.encode(s).length;
  };
  if (Array.isArray(body.messages)) {
    for (const m of body.messages as Array<Record<string, unknown>>) {
      tokens += 3;
      collectText(m, count);
    }
    return tokens + 3;
  }
  for (const field of ['prompt', 'input', 'instructions'])
    if (body[field] !== undefined) collectText(body[field], count);
  if (Array.isArray(body.tools)) collectText(body.tools, count);
  return tokens;
}

/** Every string value, skipping inline data (images, audio) that tokenizes differently. */
function collectText(v: unknown, out: (s: string) => void): void {
  if (typeof v === 'string') {
    if (!v.startsWith('data:')) out(v);
  } else if (Array.isArray(v)) for (const x of v) collectText(x, out);
  else if (v && typeof v === 'object') for (const x of Object.values(v)) collectText(x, out);
}
