import type {
  AdapterContext,
  AdapterRequest,
  AdapterResult,
  Endpoint,
  ProviderAdapter,
  StreamPart,
} from '../contract.js';
import { ChunkBuilder, streamResult, usageOf } from '../cn-common/chunk-builder.js';
import { upstreamError } from '../cn-common/error-kinds.js';
import { chunkId } from '../cn-common/stream-peek.js';
import { isRecord, nowSeconds, parseJson } from '../upstream-http.js';
import { signSparkUrl } from './spark-auth.js';
import { sparkEmptyReply, sparkError } from './spark-error.js';
import { sparkRoute } from './spark-models.js';
import { SparkSocket } from './spark-socket.js';
import { toSparkRequest } from './convert-to-spark-request.js';

/**
 * iFlytek Spark over its WebSocket chat API (v1.1 … v4.0 and the /chat/* paths). Frames
 * are read until the first one with text (or the last one) before answering the pipeline, so
 * an error frame, a refused handshake or a "success" with empty content is a thrown
 * UpstreamError the request can fail over from, never a started stream.
 */
interface Frame {
  code: number;
  message: string;
  sid: string;
  status: number;
  text: string;
  usage: ReturnType<typeof usageOf>;
}

export const sparkAdapter: ProviderAdapter = {
  type: 'spark',
  endpoints: new Set<Endpoint>(['chat.completions']),
  async execute(req, ctx) {
    if (req.endpoint !== 'chat.completions')
      throw upstreamError(
        'bad_request',
        0,
        `spark: endpoint ${req.endpoint} unsupported`,
        'Not supported by this provider.',
      );
    return chat(req, ctx);
  },
};

async function chat(req: AdapterRequest, ctx: AdapterContext): Promise<AdapterResult> {
  const [appId, apiKey, apiSecret] = ctx.key.split('|');
  if (!appId || !apiKey || !apiSecret)
    throw upstreamError('auth', 0, 'spark: channel key is not "APPID|APIKey|APISecret"', '');
  const route = sparkRoute(req.model);
  if (!route)
    throw upstreamError(
      'bad_request',
      0,
      `spark: unknown model ${req.model}`,
      `Model ${req.model} is not a Spark model.`,
    );
  const url = signSparkUrl(ctx.channel.baseUrl, route.path, apiKey, apiSecret, new Date());
  const socket = await SparkSocket.open(url, ctx);
  socket.send(toSparkRequest(req.body, appId, route.domain, ctx.log));

  const readFrame = async (): Promise<Frame | null> => {
    const text = await socket.next();
    if (text === null) return null;
    const frame = parseFrame(text);
    if (frame.code !== 0) throw sparkError(frame.code, frame.message, frame.sid, ctx.key);
    return frame;
  };

  // Read ahead to the first frame with text, or to the end.
  const head: Frame[] = [];
  try {
    for (;;) {
      const f = await readFrame();
      if (!f) break;
      head.push(f);
      if (f.text || f.status === 2) break;
    }
  } catch (err) {
    socket.close();
    throw err;
  }
  const last = head[head.length - 1];
  if (!last || (!last.text && last.status !== 2)) {
    socket.close();
    throw cutShort();
  }
  if (!last.text && last.status === 2) {
    socket.close();
    throw sparkEmptyReply(last.sid);
  }

  const builder = new ChunkBuilder(
    `chatcmpl-${last.sid || chunkId()}`,
    req.model,
    req.clientWantsStreamUsage,
  );
  async function* frames(): AsyncGenerator<Frame> {
    try {
      for (const f of head) yield f;
      if (last!.status === 2) return;
      for (;;) {
        const f = await readFrame();
        // Closed without a final (status 2) frame: the answer is cut short, not complete.
        if (!f) throw cutShort();
        yield f;
        if (f.status === 2) return;
      }
    } finally {
      socket.close();
    }
  }

  if (!req.stream) {
    let text = '';
    let usage = null;
    for await (const f of frames()) {
      text += f.text;
      usage = f.usage ?? usage;
    }
    return {
      kind: 'json',
      status: 200,
      body: {
        id: `chatcmpl-${last.sid || chunkId()}`,
        object: 'chat.completion',
        created: nowSeconds(),
        model: req.model,
        choices: [
          { index: 0, message: { role: 'assistant', content: text }, finish_reason: 'stop', logprobs: null },
        ],
        usage: usage ?? undefined,
      },
      usage,
    };
  }
  return streamResult(relay(frames(), builder, req), builder);
}

async function* relay(
  frames: AsyncGenerator<Frame>,
  b: ChunkBuilder,
  req: AdapterRequest,
): AsyncGenerator<StreamPart> {
  for await (const f of frames) {
    const part = b.content(f.text);
    if (part) yield part;
    b.setUsage(f.usage);
  }
  // Spark has no finish reason of its own: a complete answer ends with status 2.
  yield* b.closing('stop', req.clientWantsStreamUsage);
}

function cutShort() {
  return upstreamError(
    'server',
    502,
    'spark: socket closed before the final frame',
    'The upstream provider failed.',
  );
}

function parseFrame(text: string): Frame {
  const body = parseJson(text);
  const header = isRecord(body) && isRecord(body.header) ? body.header : {};
  const payload = isRecord(body) && isRecord(body.payload) ? body.payload : {};
  const choices = isRecord(payload.choices) ? payload.choices : {};
  const parts = Array.isArray(choices.text) ? choices.text.filter(isRecord) : [];
  const usage = isRecord(payload.usage) && isRecord(payload.usage.text) ? payload.usage.text : null;
  return {
    code: typeof header.code === 'number' ? header.code : isRecord(body) ? 0 : -1,
    message: typeof header.message === 'string' ? header.message : isRecord(body) ? '' : 'unparsable frame',
    sid: typeof header.sid === 'string' ? header.sid : '',
    status: typeof header.status === 'number' ? header.status : Number(choices.status ?? 0),
    text: parts.map((p) => (typeof p.content === 'string' ? p.content : '')).join(''),
    usage: usage ? usageOf(usage.prompt_tokens, usage.completion_tokens, usage.total_tokens) : null,
  };
}
