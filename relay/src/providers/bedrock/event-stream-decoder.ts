import { crc32 } from 'node:zlib';

/**
 * Incremental decoder of AWS's `application/vnd.amazon.eventstream` framing: bytes go in as
 * they arrive, complete messages come out. Each message is [total length u32][headers length
 * u32][prelude CRC32][headers][payload][message CRC32] (big-endian); both CRCs are checked, a
 * bad one is an error (the stream is corrupt, nothing after it can be trusted).
 */
export interface EventStreamMessage {
  headers: Record<string, string | number | boolean | Buffer>;
  payload: Buffer;
}

export class EventStreamError extends Error {
  override name = 'EventStreamError';
}

const MAX_MESSAGE = 16 * 1024 * 1024;

export class EventStreamDecoder {
  private buffered: Buffer[] = [];
  private length = 0;

  push(chunk: Buffer): EventStreamMessage[] {
    this.buffered.push(chunk);
    this.length += chunk.length;
    const out: EventStreamMessage[] = [];
    while (this.length >= 12) {
      const head = this.peek(12);
      const total = head.readUInt32BE(0);
      if (total < 16 || total > MAX_MESSAGE) throw new EventStreamError(`bad message length ${total}`);
      if (head.readUInt32BE(8) !== crc32(head.subarray(0, 8)))
        throw new EventStreamError('prelude CRC mismatch');
      if (this.length < total) break;
      const msg = this.take(total);
      if (msg.readUInt32BE(total - 4) !== crc32(msg.subarray(0, total - 4)))
        throw new EventStreamError('message CRC mismatch');
      const headersLength = msg.readUInt32BE(4);
      if (12 + headersLength > total - 4) throw new EventStreamError('headers longer than the message');
      out.push({
        headers: parseHeaders(msg.subarray(12, 12 + headersLength)),
        payload: msg.subarray(12 + headersLength, total - 4),
      });
    }
    return out;
  }

  /** Bytes left over at the end of the body: a message cut off. */
  get pending(): number {
    return this.length;
  }

  private peek(n: number): Buffer {
    if (this.buffered[0]!.length < n) this.buffered = [Buffer.concat(this.buffered)];
    return this.buffered[0]!.subarray(0, n);
  }

  private take(n: number): Buffer {
    const all = this.buffered.length === 1 ? this.buffered[0]! : Buffer.concat(this.buffered);
    const msg = all.subarray(0, n);
    const rest = all.subarray(n);
    this.buffered = rest.length ? [rest] : [];
    this.length = rest.length;
    return msg;
  }
}

function parseHeaders(buf: Buffer): EventStreamMessage['headers'] {
  const out: EventStreamMessage['headers'] = {};
  let i = 0;
  while (i < buf.length) {
    const nameLength = buf.readUInt8(i);
    const name = buf.toString('utf8', i + 1, i + 1 + nameLength);
    i += 1 + nameLength;
    const type = buf.readUInt8(i++);
    switch (type) {
      case 0:
        out[name] = true;
        break;
      case 1:
        out[name] = false;
        break;
      case 2:
        out[name] = buf.readInt8(i);
        i += 1;
        break;
      case 3:
        out[name] = buf.readInt16BE(i);
        i += 2;
        break;
      case 4:
        out[name] = buf.readInt32BE(i);
        i += 4;
        break;
      case 5:
      case 8:
        // int64 / timestamp (ms): a Number is exact for any realistic value.
        out[name] = Number(buf.readBigInt64BE(i));
        i += 8;
        break;
      case 6:
      case 7: {
        const len = buf.readUInt16BE(i);
        const value = buf.subarray(i + 2, i + 2 + len);
        out[name] = type === 7 ? value.toString('utf8') : Buffer.from(value);
        i += 2 + len;
        break;
      }
      case 9:
        out[name] = buf.subarray(i, i + 16).toString('hex');
        i += 16;
        break;
      default:
        throw new EventStreamError(`unknown header type ${type}`);
    }
  }
  return out;
}
