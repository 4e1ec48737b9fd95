import { readFileSync } from 'node:fs';
import type { ChatCompletionChunk } from '@switchboard/shared/openai';
import { describe, expect, it } from 'vitest';
import { SseDecoder } from '../../streaming/sse-decoder.js';
import { GeminiStreamConverter } from './gemini-stream.js';

describe('GeminiStreamConverter on parallel calls and two candidates', () => {
  it('keeps candidates apart, numbers parallel calls, keeps the signature in the id, maps usage', () => {
    const raw = readFileSync(new URL('./__fixtures__/parallel-calls-two-candidates.sse', import.meta.url));
    const conv = new GeminiStreamConverter('fallback', true, 'AIzaSecret');
    const decoder = new SseDecoder();
    const chunks: ChatCompletionChunk[] = [];
    for (let i = 0; i < raw.length; i += 53)
      for (const ev of decoder.push(raw.subarray(i, i + 53)))
        chunks.push(...conv.accept(JSON.parse(ev.data)));
    chunks.push(...conv.end());

    expect(new Set(chunks.map((c) => `${c.id} ${c.model}`))).toEqual(
      new Set(['chatcmpl-abc123 gemini-2.5-flash']),
    );
    const byChoice = (index: number) =>
      chunks.flatMap((c) =>
        c.choices.filter((ch) => ch.index === index).map((ch) => ({ ...ch.delta, finish: ch.finish_reason })),
      );
    const first = byChoice(0);
    expect(first[0]).toEqual({ role: 'assistant', content: '', finish: null });
    expect(first[1]).toEqual({ reasoning_content: 'Checking', finish: null });
    const calls = first[2]!.tool_calls!;
    expect(calls.map((c) => [c.index, c.function?.name, c.function?.arguments])).toEqual([
      [0, 'get_weather', '{"city":"Paris"}'],
      [1, 'get_time', '{"tz":"CET"}'],
    ]);
    expect(calls[0]!.id).toMatch(/^call_[0-9a-f]+__thought__c2ln$/);
    expect(calls[1]!.id).toMatch(/^call_[0-9a-f]+$/);
    expect(first[3]).toEqual({ finish: 'tool_calls' });

    expect(byChoice(1)).toEqual([
      { role: 'assistant', content: '', finish: null },
      { content: 'Sure, ', finish: null },
      { content: 'here it is.', finish: null },
      { finish: 'length' },
    ]);
    const usage = {
      prompt_tokens: 40,
      completion_tokens: 42,
      total_tokens: 82,
      prompt_tokens_details: { cached_tokens: 8 },
      completion_tokens_details: { reasoning_tokens: 12 },
    };
    expect(chunks.at(-1)).toMatchObject({ choices: [], usage });
    expect(conv.usage()).toEqual(usage);
  });
});

describe('GeminiStreamConverter usage field (OpenAI stream_options.include_usage)', () => {
  const run = (wantsUsage: boolean) => {
    const raw = readFileSync(new URL('./__fixtures__/parallel-calls-two-candidates.sse', import.meta.url));
    const conv = new GeminiStreamConverter('fallback', wantsUsage, 'AIzaSecret');
    const decoder = new SseDecoder();
    const chunks: ChatCompletionChunk[] = [];
    for (const ev of decoder.push(raw)) chunks.push(...conv.accept(JSON.parse(ev.data)));
    chunks.push(...conv.end());
    return chunks;
  };

  it('puts usage: null on every chunk but the final usage chunk when the client asked', () => {
    const chunks = run(true);
    const last = chunks[chunks.length - 1]!;
    expect(last.choices).toEqual([]);
    expect(last.usage).toMatchObject({ prompt_tokens: expect.any(Number) });
    for (const c of chunks.slice(0, -1)) expect(c).toHaveProperty('usage', null);
  });

  it('leaves usage out when the client did not ask', () => {
    for (const c of run(false)) expect(c).not.toHaveProperty('usage');
  });
});
