import { describe, expect, it } from 'vitest';
import { crc32, encodeFrame } from './event-stream.js';

describe('event-stream encoder', () => {
  it('CRC-32 (IEEE) check value', () => {
    expect(crc32(Buffer.from('123456789')).toString(16)).toBe('cbf43926');
  });

  it('frames: lengths, prelude CRC and message CRC', () => {
    const f = encodeFrame({ ':event-type': 'messageStop' }, '{"stopReason":"end_turn"}');
    expect(f.readUInt32BE(0)).toBe(f.length);
    const headersLength = f.readUInt32BE(4);
    expect(headersLength).toBe(1 + 11 + 1 + 2 + 11);
    expect(f.readUInt32BE(8)).toBe(crc32(f.subarray(0, 8)));
    expect(f.readUInt32BE(f.length - 4)).toBe(crc32(f.subarray(0, f.length - 4)));
    expect(f.subarray(12 + headersLength, f.length - 4).toString()).toBe('{"stopReason":"end_turn"}');
  });

  it('the empty message of the AWS event-stream test vectors', () => {
    // "empty_message" from the AWS SDKs' shared event-stream test suite: 16 bytes, no headers.
    expect(encodeFrame({}, '').toString('hex')).toBe('000000100000000005c248eb7d98c8ff');
  });
});
