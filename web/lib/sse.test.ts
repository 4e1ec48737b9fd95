import { describe, expect, it } from 'vitest';
import { SseParser } from './sse';

describe('SseParser', () => {
  it('returns complete events only, across arbitrary chunk boundaries', () => {
    const p = new SseParser();
    expect(p.push('data: {"a"')).toEqual([]);
    expect(p.push(':1}\n\n: keep-alive\n\ndata: [DO')).toEqual(['{"a":1}']);
    expect(p.push('NE]\r\n\r\n')).toEqual(['[DONE]']);
  });

  it('joins multi-line data and ignores other fields', () => {
    const p = new SseParser();
    expect(p.push('event: x\nid: 1\ndata: one\ndata: two\n\n')).toEqual(['one\ntwo']);
  });
});
