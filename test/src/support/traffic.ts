import OpenAI from 'openai';

export interface SentRequest {
  requestId: string | null;
  status: number;
  stream: boolean;
  /** Text received (streams: concatenated deltas). */
  text: string;
  error: string | null;
}

/** One chat completion through the official client; never throws, records what happened. */
export async function sendChat(client: OpenAI, model: string, stream: boolean): Promise<SentRequest> {
  try {
    if (!stream) {
      const { data, response } = await client.chat.completions
        .create({ model, messages: [{ role: 'user', content: 'traffic' }], max_tokens: 32 })
        .withResponse();
      return {
        requestId: response.headers.get('x-request-id'),
        status: response.status,
        stream,
        text: data.choices[0]?.message?.content ?? '',
        error: null,
      };
    }
    const { data, response } = await client.chat.completions
      .create({ model, messages: [{ role: 'user', content: 'traffic' }], max_tokens: 32, stream: true })
      .withResponse();
    let text = '';
    for await (const chunk of data) text += chunk.choices[0]?.delta?.content ?? '';
    return {
      requestId: response.headers.get('x-request-id'),
      status: response.status,
      stream,
      text,
      error: null,
    };
  } catch (e) {
    const err = e as InstanceType<typeof OpenAI.APIError>;
    return {
      requestId: err.headers?.get?.('x-request-id') ?? null,
      status: typeof err.status === 'number' ? err.status : 0,
      stream,
      text: '',
      error: err.message,
    };
  }
}

/**
 * Closed-loop traffic with `concurrency` callers, alternating stream and non-stream, until
 * `stop()` is called. Returns everything sent.
 */
export function startTraffic(client: OpenAI, model: string, concurrency: number) {
  const sent: SentRequest[] = [];
  let running = true;
  const loops = Array.from({ length: concurrency }, async (_, i) => {
    let n = i;
    while (running) {
      sent.push(await sendChat(client, model, n++ % 2 === 1));
    }
  });
  return {
    sent,
    async stop(): Promise<SentRequest[]> {
      running = false;
      await Promise.all(loops);
      return sent;
    },
  };
}
