import type { ChatCompletionChunk } from '@switchboard/shared/openai';
import { describe, expect, it } from 'vitest';
import type { StreamPart } from '../contract.js';
import { ChunkBuilder } from './chunk-builder.js';

function collect(b: ChunkBuilder, wantsUsage: boolean): Array<ChatCompletionChunk | '[DONE]'> {
  const parts: Array<StreamPart | null> = [b.content('Hel'), b.content('lo')];
  b.setUsage({ prompt_tokens: 3, completion_tokens: 2, total_tokens: 5 });
  parts.push(...b.closing('stop', wantsUsage));
  return parts
    .filter((p): p is StreamPart => p !== null)
    .map((p) => (p.data === '[DONE]' ? '[DONE]' : (JSON.parse(p.data) as ChatCompletionChunk)));
}

describe('ChunkBuilder (OpenAI chat.completion.chunk rules)', () => {
  it('role only in the first chunk, finish_reason null until the last choice chunk, then [DONE]', () => {
    const out = collect(new ChunkBuilder('chatcmpl-x', 'm'), false);
    expect(out.at(-1)).toBe('[DONE]');
    const chunks = out.slice(0, -1) as ChatCompletionChunk[];
    expect(chunks.map((c) => c.choices[0]!.delta)).toEqual([
      { role: 'assistant', content: 'Hel' },
      { content: 'lo' },
      {},
    ]);
    expect(chunks.map((c) => c.choices[0]!.finish_reason)).toEqual([null, null, 'stop']);
    for (const c of chunks) {
      expect(c.object).toBe('chat.completion.chunk');
      expect(c).not.toHaveProperty('usage');
    }
  });

  it('with include_usage: usage null on every chunk, then a usage-only chunk with choices: []', () => {
    const out = collect(new ChunkBuilder('chatcmpl-x', 'm', true), true);
    expect(out.at(-1)).toBe('[DONE]');
    const chunks = out.slice(0, -1) as ChatCompletionChunk[];
    const last = chunks.at(-1)!;
    expect(last.choices).toEqual([]);
    expect(last.usage).toEqual({ prompt_tokens: 3, completion_tokens: 2, total_tokens: 5 });
    for (const c of chunks.slice(0, -1)) expect(c).toHaveProperty('usage', null);
  });
});
