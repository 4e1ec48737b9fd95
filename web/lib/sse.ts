/**
 * Incremental SSE parser for the playground: feed it decoded text as it arrives and it returns
 * the `data:` payloads of every complete event (multi-line data joined with "\n", comments and
 * other fields ignored, CRLF tolerated).
 */
export class SseParser {
  private buffer = '';

  push(chunk: string): string[] {
    this.buffer += chunk.replace(/\r\n?/g, '\n');
    const out: string[] = [];
    let end = this.buffer.indexOf('\n\n');
    while (end !== -1) {
      const block = this.buffer.slice(0, end);
      this.buffer = this.buffer.slice(end + 2);
      const data = block
        .split('\n')
        .filter((line) => line.startsWith('data:'))
        .map((line) => line.slice(5).replace(/^ /, ''));
      if (data.length) out.push(data.join('\n'));
      end = this.buffer.indexOf('\n\n');
    }
    return out;
  }
}
