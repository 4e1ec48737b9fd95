import { parentPort } from 'node:worker_threads';
import { Tiktoken } from 'js-tiktoken/lite';

/**
 * Tokenizer thread: loading a rank table takes seconds of CPU and ~150 MB, which must not
 * stall a relay worker's event loop. Receives {id, encoding, texts}, answers {id, count}.
 */
type Encoding = 'o200k_base' | 'cl100k_base';
const encoders = new Map<Encoding, Tiktoken>();

async function encoder(name: Encoding): Promise<Tiktoken> {
  let enc = encoders.get(name);
  if (!enc) {
    const ranks =
      name === 'o200k_base'
        ? (await import('js-tiktoken/ranks/o200k_base')).default
        : (await import('js-tiktoken/ranks/cl100k_base')).default;
    enc = new Tiktoken(ranks);
    encoders.set(name, enc);
  }
  return enc;
}

parentPort?.on('message', async (msg: { id: number; encoding: Encoding; texts: string[] }) => {
  try {
    const enc = await encoder(msg.encoding);
    let count = 0;
    for (const t of msg.texts) count += enc.encode(t).length;
    parentPort!.postMessage({ id: msg.id, count });
  } catch (err) {
    parentPort!.postMessage({ id: msg.id, error: String(err) });
  }
});
