import { crc32 as zlibCrc32 } from 'node:zlib';
import { encodeFrame, eventFrame } from '@switchboard/test/mock-upstreams/bedrock/event-stream';
import { describe, expect, it } from 'vitest';
import { EventStreamDecoder, EventStreamError } from './event-stream-decoder.js';

describe('EventStreamDecoder', () => {
  it('decodes frames fed one byte at a time, headers and payload intact', () => {
    const bytes = Buffer.concat([
      eventFrame('messageStart', { role: 'assistant' }),
      eventFrame('contentBlockDelta', { contentBlockIndex: 0, delta: { text: 'hé' } }),
    ]);
    const d = new EventStreamDecoder();
    const out = [];
    for (let i = 0; i < bytes.length; i++) out.push(...d.push(bytes.subarray(i, i + 1)));
    expect(out).toHaveLength(2);
    expect(out[0]!.headers).toEqual({
      ':event-type': 'messageStart',
      ':content-type': 'application/json',
      ':message-type': 'event',
    });
    expect(JSON.parse(out[1]!.payload.toString()).delta.text).toBe('hé');
    expect(d.pending).toBe(0);
  });

  it('decodes several frames from one chunk and keeps a partial one for later', () => {
    const a = encodeFrame({ ':event-type': 'a' }, '{}');
    const b = encodeFrame({ ':event-type': 'b' }, '{"x":1}');
    const d = new EventStreamDecoder();
    expect(d.push(Buffer.concat([a, b.subarray(0, 5)])).map((m) => m.headers[':event-type'])).toEqual(['a']);
    expect(d.pending).toBe(5);
    expect(d.push(b.subarray(5)).map((m) => m.headers[':event-type'])).toEqual(['b']);
  });

  it('refuses a corrupt prelude or message (CRC mismatch)', () => {
    const f = encodeFrame({ ':event-type': 'a' }, '{"text":"abc"}');
    const badPayload = Buffer.from(f);
    badPayload[badPayload.length - 6] ^= 0xff;
    expect(() => new EventStreamDecoder().push(badPayload)).toThrow(EventStreamError);
    const badPrelude = Buffer.from(f);
    badPrelude[3] ^= 0x01;
    expect(() => new EventStreamDecoder().push(badPrelude)).toThrow(/prelude CRC/);
  });

  it("the mock's CRC table agrees with zlib's", () => {
    const f = encodeFrame({}, 'payload');
    expect(f.readUInt32BE(f.length - 4)).toBe(zlibCrc32(f.subarray(0, f.length - 4)));
  });
});
