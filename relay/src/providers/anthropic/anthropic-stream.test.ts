import { readFileSync } from 'node:fs';
import type { ChatCompletionChunk } from '@switchboard/shared/openai';
import { describe, expect, it } from 'vitest';
import { SseDecoder } from '../../streaming/sse-decoder.js';
import { UpstreamError } from '../contract.js';
import { AnthropicStreamConverter } from './anthropic-stream.js';

/** Feeds a recorded-format SSE body through the converter, one byte range at a time. */
function convert(
  name: string,
  wantsUsage: boolean,
): { chunks: ChatCompletionChunk[]; conv: AnthropicStreamConverter } {
  const raw = readFileSync(new URL(`./__fixtures__/${name}`, import.meta.url));
  const conv = new AnthropicStreamConverter('fallback-model', wantsUsage, 'sk-ant-secret');
  const decoder = new SseDecoder();
  const chunks: ChatCompletionChunk[] = [];
  // Odd slice size: events split across pushes, as they arrive on a socket.
  for (let i = 0; i < raw.length; i += 37)
    for (const ev of decoder.push(raw.subarray(i, i + 37)))
      chunks.push(...conv.accept(ev.event, JSON.parse(ev.data)));
  return { chunks, conv };
}

describe('AnthropicStreamConverter on a thinking + text + two tool_use message', () => {
  it('emits the deltas in order, with tool-call indexes counted apart from block indexes', () => {
    const { chunks, conv } = convert('thinking-text-tool.sse', true);
    expect(new Set(chunks.map((c) => `${c.id} ${c.model}`))).toEqual(
      new Set(['msg_01Fx claude-sonnet-4-20250514']),
    );
    const deltas = chunks.map((c) =>
      c.choices[0] ? { ...c.choices[0].delta, finish: c.choices[0].finish_reason } : 'usage',
    );
    expect(deltas).toEqual([
      { role: 'assistant', content: '', finish: null },
      { reasoning_content: 'The user wants weather.', finish: null },
      { content: 'Let me check ', finish: null },
      { content: 'that.', finish: null },
      {
        tool_calls: [
          { index: 0, id: 'toolu_01T1x', type: 'function', function: { name: 'get_weather', arguments: '' } },
        ],
        finish: null,
      },
      { tool_calls: [{ index: 0, function: { arguments: '{"location": "San Fra' } }], finish: null },
      { tool_calls: [{ index: 0, function: { arguments: 'ncisco, CA"}' } }], finish: null },
      {
        tool_calls: [
          { index: 1, id: 'toolu_01T2y', type: 'function', function: { name: 'get_time', arguments: '' } },
        ],
        finish: null,
      },
      { tool_calls: [{ index: 1, function: { arguments: '{}' } }], finish: null },
      { finish: 'tool_calls' },
      'usage',
    ]);
    const usage = {
      prompt_tokens: 472 + 2000 + 100,
      completion_tokens: 89,
      total_tokens: 2572 + 89,
      prompt_tokens_details: { cached_tokens: 2000, cache_write_tokens: 100 },
    };
    expect(chunks.at(-1)!.usage).toEqual(usage);
    expect(conv.usage()).toEqual(usage);
    expect(conv.done).toBe(true);
  });

  it('error events throw, with the key scrubbed from the detail', () => {
    const conv = new AnthropicStreamConverter('m', false, 'sk-ant-secret-123');
    const err = (() => {
      try {
        conv.accept('error', {
          type: 'error',
          error: { type: 'api_error', message: 'boom sk-ant-secret-123' },
        });
      } catch (e) {
        return e;
      }
    })();
    expect(err).toBeInstanceOf(UpstreamError);
    expect((err as UpstreamError).info).toMatchObject({ status: 502, retryable: true });
    expect((err as UpstreamError).info.detail).not.toContain('sk-ant-secret-123');
  });
});

describe('AnthropicStreamConverter usage field (OpenAI stream_options.include_usage)', () => {
  // OpenAI: with include_usage "all other chunks will also include a usage field, but with a
  // null value"; without it, chunks carry no usage field at all.
  it('puts usage: null on every chunk but the final usage chunk when the client asked', () => {
    const { chunks } = convert('thinking-text-tool.sse', true);
    const last = chunks[chunks.length - 1]!;
    expect(last.choices).toEqual([]);
    expect(last.usage).toMatchObject({ prompt_tokens: expect.any(Number) });
    for (const c of chunks.slice(0, -1)) expect(c).toHaveProperty('usage', null);
  });

  it('leaves usage out when the client did not ask', () => {
    const { chunks } = convert('thinking-text-tool.sse', false);
    for (const c of chunks) expect(c).not.toHaveProperty('usage');
  });
});
