import { SseParser } from '@/lib/sse';

export interface ChatRun {
  text: string;
  ttftMs: number | null;
  totalMs: number | null;
  promptTokens: number | null;
  completionTokens: number | null;
  error: string | null;
  done: boolean;
}

export const EMPTY_RUN: ChatRun = {
  text: '',
  ttftMs: null,
  totalMs: null,
  promptTokens: null,
  completionTokens: null,
  error: null,
  done: false,
};

interface Chunk {
  choices?: { delta?: { content?: string | null; reasoning_content?: string | null } }[];
  usage?: { prompt_tokens?: number; completion_tokens?: number } | null;
  error?: { message?: string };
}

/**
 * Streams one chat completion through the console's /v1 proxy (same origin), reporting each
 * update. Usage comes from the final chunk (stream_options.include_usage).
 */
export async function runChat(
  opts: { key: string; model: string; messages: { role: string; content: string }[]; signal: AbortSignal },
  onUpdate: (run: ChatRun) => void,
): Promise<void> {
  const started = performance.now();
  let run: ChatRun = { ...EMPTY_RUN };
  const emit = (patch: Partial<ChatRun>) => {
    run = { ...run, ...patch };
    onUpdate(run);
  };
  try {
    const res = await fetch('/v1/chat/completions', {
      method: 'POST',
      headers: { authorization: `Bearer ${opts.key}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        model: opts.model,
        messages: opts.messages,
        stream: true,
        stream_options: { include_usage: true },
      }),
      signal: opts.signal,
    });
    if (!res.ok || !res.body) {
      const body = (await res.json().catch(() => null)) as Chunk | null;
      return emit({
        error: `${res.status}: ${body?.error?.message ?? res.statusText}`,
        done: true,
        totalMs: Math.round(performance.now() - started),
      });
    }
    const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
    const parser = new SseParser();
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      for (const data of parser.push(value)) {
        if (data === '[DONE]') continue;
        let chunk: Chunk;
        try {
          chunk = JSON.parse(data) as Chunk;
        } catch {
          continue;
        }
        if (chunk.error) emit({ error: chunk.error.message ?? 'error' });
        const delta = chunk.choices?.[0]?.delta?.content ?? '';
        if (delta)
          emit({ text: run.text + delta, ttftMs: run.ttftMs ?? Math.round(performance.now() - started) });
        if (chunk.usage)
          emit({
            promptTokens: chunk.usage.prompt_tokens ?? null,
            completionTokens: chunk.usage.completion_tokens ?? null,
          });
      }
    }
    emit({ done: true, totalMs: Math.round(performance.now() - started) });
  } catch (e) {
    if ((e as Error).name === 'AbortError') return emit({ done: true, error: 'aborted' });
    emit({ done: true, error: (e as Error).message, totalMs: Math.round(performance.now() - started) });
  }
}
