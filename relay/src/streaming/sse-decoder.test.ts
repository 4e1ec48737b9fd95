import { describe, expect, it } from 'vitest';
import { SseDecoder } from './sse-decoder.js';

describe('SseDecoder', () => {
  it('decodes events split at every byte, with CRLF and comments', () => {
    const raw =
      ': keep-alive\r\nevent: message_start\r\ndata: {"a":1}\r\n\r\ndata: 你好\ndata: second line\n\ndata: [DONE]\n\n';
    const bytes = Buffer.from(raw);
    const d = new SseDecoder();
    const events = [];
    for (const b of bytes) events.push(...d.push(Uint8Array.of(b)));
    events.push(...d.end());
    expect(events).toEqual([
      { event: 'message_start', data: '{"a":1}', id: null },
      { event: null, data: '你好\nsecond line', id: null },
      { event: null, data: '[DONE]', id: null },
    ]);
  });

  it('emits an event as soon as its blank line arrives', () => {
    const d = new SseDecoder();
    expect(d.push('data: 1\n')).toEqual([]);
    expect(d.push('\n')).toEqual([{ event: null, data: '1', id: null }]);
  });
});
