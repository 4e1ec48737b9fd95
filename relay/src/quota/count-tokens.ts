import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Tiktoken } from 'js-tiktoken/lite';

/**
 * Local token counting, used only when an upstream reports no usage (never on the hot path
 * otherwise). o200k_base for the GPT-4o/4.1/o-series/GPT-5 families, cl100k_base for the rest.
 * Counting runs on a tokenizer thread (loading a rank table costs seconds and ~150 MB), which
 * exits after a minute without work; where the compiled thread file is absent (tests run from
 * sources) it runs in-process.
 */
type Encoding = 'o200k_base' | 'cl100k_base';
const IDLE_MS = 60_000;
const workerFile = new URL('./tokenizer-worker.js', import.meta.url);

function encodingFor(model: string): Encoding {
  return /^(gpt-4o|gpt-4\.1|gpt-4\.5|gpt-5|o\d|chatgpt-4o|omni)/.test(model) ? 'o200k_base' : 'cl100k_base';
}

class TokenizerThread {
  private worker: Worker | null = null;
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (n: number) => void; reject: (e: Error) => void }>();
  private idle: NodeJS.Timeout | null = null;

  count(encoding: Encoding, texts: string[]): Promise<number> {
    const worker = this.ensure();
    if (this.idle) clearTimeout(this.idle);
    this.idle = null;
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      worker.postMessage({ id, encoding, texts });
    });
  }

  private ensure(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(workerFile);
    worker.unref();
    worker.on('message', (msg: { id: number; count?: number; error?: string }) => {
      const p = this.pending.get(msg.id);
      if (!p) return;
      this.pending.delete(msg.id);
      if (msg.error !== undefined) p.reject(new Error(msg.error));
      else p.resolve(msg.count ?? 0);
      if (this.pending.size === 0) this.scheduleExit();
    });
    worker.on('error', (err) => this.fail(err));
    worker.on('exit', () => {
      if (this.worker === worker) this.worker = null;
      this.fail(new Error('tokenizer thread exited'));
    });
    this.worker = worker;
    return worker;
  }

  private scheduleExit(): void {
    this.idle = setTimeout(() => {
      const w = this.worker;
      this.worker = null;
      void w?.terminate();
    }, IDLE_MS);
    this.idle.unref();
  }

  private fail(err: Error): void {
    for (const p of this.pending.values()) p.reject(err);
    this.pending.clear();
  }
}

const inProcess = new Map<Encoding, Promise<Tiktoken>>();
async function countHere(encoding: Encoding, texts: string[]): Promise<number> {
  let p = inProcess.get(encoding);
  if (!p) {
    p = (async () => {
      const { Tiktoken } = await import('js-tiktoken/lite');
      const ranks =
        encoding === 'o200k_base'
          ? (await import('js-tiktoken/ranks/o200k_base')).default
          : (await import('js-tiktoken/ranks/cl100k_base')).default;
      return new Tiktoken(ranks);
    })();
    inProcess.set(encoding, p);
  }
  const enc = await p;
  let n = 0;
  for (const t of texts) n += enc.encode(t).length;
  return n;
}

const thread = existsSync(fileURLToPath(workerFile)) ? new TokenizerThread() : null;

function count(model: string, texts: string[]): Promise<number> {
  const encoding = encodingFor(model);
  if (texts.length === 0) return Promise.resolve(0);
  return thread ? thread.count(encoding, texts) : countHere(encoding, texts);
}

export function countTextTokens(model: string, text: string): Promise<number> {
  return text ? count(model, [text]) : Promise.resolve(0);
}

/** Prompt tokens of a chat/completions/embeddings/responses body, as OpenAI counts them (3 per message + 3). */
export async function countPromptTokens(model: string, body: Record<string, unknown>): Promise<number> {
  const texts: string[] = [];
  const add = (s: string) => texts.push(s);
  if (Array.isArray(body.messages)) {
    for (const m of body.messages as Array<Record<string, unknown>>) collectText(m, add);
    return (await count(model, texts)) + 3 * body.messages.length + 3;
  }
  for (const field of ['prompt', 'input', 'instructions'])
    if (body[field] !== undefined) collectText(body[field], add);
  if (Array.isArray(body.tools)) collectText(body.tools, add);
  return count(model, texts);
}

/** Every string value, skipping inline data (images, audio) that tokenizes differently. */
function collectText(v: unknown, out: (s: string) => void): void {
  if (typeof v === 'string') {
    if (!v.startsWith('data:')) out(v);
  } else if (Array.isArray(v)) for (const x of v) collectText(x, out);
  else if (v && typeof v === 'object') for (const x of Object.values(v)) collectText(x, out);
}
