import type { ServerResponse } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import {
  CN_REPLY_CHUNKS,
  type CnMock,
  type CnMockMode,
  type CnRecordedRequest,
  promptTokensOf,
  startCnHttpMock,
} from '../cn-kit.js';
import { eventFrame, exceptionFrame } from './event-stream.js';
import { verifySigV4 } from './verify-sigv4.js';

/**
 * Mock AWS Bedrock Runtime, Converse API (API version 2023-09-30,
 * https://docs.aws.amazon.com/bedrock/latest/APIReference/API_runtime_Converse.html):
 * `POST /model/{modelId}/converse` (JSON) and `/converse-stream`
 * (application/vnd.amazon.eventstream). Every request's SigV4 signature is checked with the
 * mock's own verifier (service `bedrock`, the mock's region); errors are restJson1 as Bedrock
 * sends them: status, `x-amzn-ErrorType` header and `{"message": …}`.
 */
export const BEDROCK_TEST_KEY = {
  accessKeyId: 'AKIAMOCKBEDROCK00001',
  secretAccessKey: 'mockSecretKey/Bedrock+0123456789abcdefGHIJ',
};
/** Temporary credentials: the session token must come as X-Amz-Security-Token. */
export const BEDROCK_SESSION_KEY = {
  accessKeyId: 'ASIAMOCKBEDROCK00002',
  secretAccessKey: 'mockSessionSecret/0123456789abcdefGHIJKLMN',
  sessionToken: 'IQoJb3JpZ2luX2VjEMockSessionToken//////////wEaCXVzLWVhc3QtMSJHMEUCIQ',
};

export type BedrockExtraError =
  | 'ValidationException'
  | 'ModelNotReadyException'
  | 'ServiceUnavailableException'
  | 'AccessDeniedException';

export interface BedrockMock extends CnMock {
  region: string;
  /** Errors beyond the shared CN modes, or null. */
  setError(e: BedrockExtraError | null): void;
  /** Cache token counts to report in usage. */
  setCache(c: { read: number; write: number } | null): void;
}

const ERRORS: Record<string, { status: number; message: string }> = {
  ThrottlingException: { status: 429, message: 'Too many requests, please wait before trying again.' },
  AccessDeniedException: {
    status: 403,
    message: "You don't have access to the model with the specified model ID.",
  },
  UnrecognizedClientException: {
    status: 403,
    message: 'The security token included in the request is invalid.',
  },
  ValidationException: { status: 400, message: 'The provided model identifier is invalid.' },
  ModelNotReadyException: {
    status: 429,
    message: 'Model is not ready for inference. Wait and try your request again.',
  },
  ServiceUnavailableException: { status: 503, message: 'Bedrock is unable to process your request.' },
  InternalServerException: { status: 500, message: 'The server encountered an internal error.' },
};

function awsError(res: ServerResponse, type: string, message?: string, status?: number): void {
  const e = ERRORS[type] ?? { status: status ?? 400, message: message ?? type };
  const body = JSON.stringify({ message: message ?? e.message });
  res.writeHead(status ?? e.status, {
    'content-type': 'application/json',
    'x-amzn-errortype': `${type}:http://internal.amazon.com/coral/com.amazon.bedrock/`,
    'x-amzn-requestid': 'a0b1c2d3-0000-4000-8000-mockrequest01',
    'content-length': Buffer.byteLength(body),
  });
  res.end(body);
}

type Block = Record<string, unknown>;

/** Every text the request carries (system and messages), for the deterministic token count. */
function textsOf(body: Record<string, unknown>): string[] {
  const out: string[] = [];
  for (const s of (body.system as Block[] | undefined) ?? [])
    if (typeof s.text === 'string') out.push(s.text);
  for (const m of (body.messages as Array<{ content?: Block[] }> | undefined) ?? [])
    for (const b of m.content ?? []) if (typeof b.text === 'string') out.push(b.text);
  return out;
}

/** Checks the parts of a Converse body that Bedrock itself validates. */
function validate(body: Record<string, unknown>): string | null {
  const messages = body.messages;
  if (!Array.isArray(messages) || messages.length === 0)
    return 'A conversation must start with a user message. Try again with a conversation that starts with a user message.';
  for (const m of messages as Array<{ role?: unknown; content?: unknown }>) {
    if (m.role !== 'user' && m.role !== 'assistant') return `Invalid role: ${String(m.role)}`;
    if (!Array.isArray(m.content) || m.content.length === 0) return 'Message content must not be empty.';
    for (const b of m.content as Block[]) {
      const keys = Object.keys(b);
      if (keys.length !== 1) return 'Each content block must have exactly one member.';
      if ('image' in b) {
        const img = b.image as { format?: unknown; source?: { bytes?: unknown } };
        if (!['png', 'jpeg', 'gif', 'webp'].includes(String(img.format))) return 'Invalid image format.';
        if (typeof img.source?.bytes !== 'string') return 'Image source bytes are required.';
      }
    }
  }
  if ((messages as Array<{ role: string }>)[0]!.role !== 'user')
    return 'A conversation must start with a user message. Try again with a conversation that starts with a user message.';
  return null;
}

export async function startMockBedrock(
  opts: { region?: string; mode?: CnMockMode } = {},
): Promise<BedrockMock> {
  const region = opts.region ?? 'us-east-1';
  let extra: BedrockExtraError | null = null;
  let cache: { read: number; write: number } | null = null;
  const secrets = {
    secretFor: (id: string) =>
      id === BEDROCK_TEST_KEY.accessKeyId
        ? BEDROCK_TEST_KEY.secretAccessKey
        : id === BEDROCK_SESSION_KEY.accessKeyId
          ? BEDROCK_SESSION_KEY.secretAccessKey
          : undefined,
    sessionTokenFor: (id: string) =>
      id === BEDROCK_SESSION_KEY.accessKeyId ? BEDROCK_SESSION_KEY.sessionToken : undefined,
  };

  const mock = await startCnHttpMock(
    async (rec: CnRecordedRequest, res, mode, incoming) => {
      const sig = verifySigV4(
        { method: rec.method, target: incoming.url ?? '/', headers: incoming.headers, body: rec.raw },
        secrets,
        { maxSkewMs: 5 * 60_000 },
      );
      if (!sig.ok) return awsError(res, sig.error, sig.message, 403);
      if (sig.service !== 'bedrock' || sig.region !== region)
        return awsError(
          res,
          'InvalidSignatureException',
          `Credential should be scoped to a valid region and service (bedrock, ${region}).`,
          403,
        );
      const m = /^\/model\/([^/]+)\/(converse|converse-stream)$/.exec(rec.path);
      if (rec.method !== 'POST' || !m)
        return awsError(res, 'UnknownOperationException', 'Unknown operation', 404);
      const modelId = decodeURIComponent(m[1]!);
      const stream = m[2] === 'converse-stream';

      if (mode.error === 'auth') return awsError(res, 'UnrecognizedClientException');
      if (mode.error === 'rate_limit') return awsError(res, 'ThrottlingException');
      if (mode.error === 'server_error') return awsError(res, 'InternalServerException');
      if (mode.error === 'no_balance')
        return awsError(
          res,
          'AccessDeniedException',
          'Model access is denied due to INVALID_PAYMENT_INSTRUMENT:A valid payment instrument must be provided.',
        );
      if (extra) return awsError(res, extra);
      const body = rec.body ?? {};
      const invalid = validate(body);
      if (invalid) return awsError(res, 'ValidationException', invalid);
      if (!modelId.includes('.'))
        return awsError(res, 'ValidationException', 'The provided model identifier is invalid.');

      const tools = Array.isArray((body.toolConfig as { tools?: unknown[] } | undefined)?.tools);
      const messages = body.messages as Array<{ role: string; content: Block[] }>;
      const answeredTool = messages.at(-1)!.content.some((b) => 'toolResult' in b);
      const callTool = tools && !answeredTool;
      const inputTokens = promptTokensOf(textsOf(body));
      const usage: Record<string, number> = {
        inputTokens,
        outputTokens: 3,
        totalTokens: inputTokens + 3 + (cache ? cache.read + cache.write : 0),
      };
      if (cache) {
        usage.cacheReadInputTokens = cache.read;
        usage.cacheWriteInputTokens = cache.write;
      }
      const toolUse = { toolUseId: 'tooluse_mock01', name: 'get_weather', input: { city: '北京' } };

      if (!stream) {
        const content = callTool ? [{ toolUse }] : [{ text: CN_REPLY_CHUNKS.join('') }];
        const text = JSON.stringify({
          output: { message: { role: 'assistant', content } },
          stopReason: callTool ? 'tool_use' : 'end_turn',
          usage,
          metrics: { latencyMs: 42 },
        });
        res.writeHead(200, {
          'content-type': 'application/json',
          'x-amzn-requestid': 'a0b1c2d3-0000-4000-8000-mockrequest02',
          'content-length': Buffer.byteLength(text),
        });
        res.end(text);
        return;
      }

      res.writeHead(200, {
        'content-type': 'application/vnd.amazon.eventstream',
        'x-amzn-requestid': 'a0b1c2d3-0000-4000-8000-mockrequest03',
      });
      const frames: Buffer[] = [eventFrame('messageStart', { role: 'assistant' })];
      if (callTool) {
        frames.push(
          eventFrame('contentBlockStart', {
            contentBlockIndex: 0,
            start: { toolUse: { toolUseId: toolUse.toolUseId, name: toolUse.name } },
          }),
          eventFrame('contentBlockDelta', {
            contentBlockIndex: 0,
            delta: { toolUse: { input: '{"city":' } },
          }),
          eventFrame('contentBlockDelta', { contentBlockIndex: 0, delta: { toolUse: { input: '"北京"}' } } }),
          eventFrame('contentBlockStop', { contentBlockIndex: 0 }),
        );
      } else {
        for (const t of CN_REPLY_CHUNKS)
          frames.push(eventFrame('contentBlockDelta', { contentBlockIndex: 0, delta: { text: t } }));
        frames.push(eventFrame('contentBlockStop', { contentBlockIndex: 0 }));
      }
      frames.push(
        eventFrame('messageStop', { stopReason: callTool ? 'tool_use' : 'end_turn' }),
        eventFrame('metadata', { usage, metrics: { latencyMs: 42 } }),
      );
      for (let i = 0; i < frames.length; i++) {
        // Content frames start at 1 (after messageStart).
        if (mode.errorAfterChunks !== undefined && i === mode.errorAfterChunks + 1) {
          res.end(exceptionFrame('throttlingException', 'Too many tokens, please wait before trying again.'));
          return;
        }
        if (mode.dropAfterChunks !== undefined && i === mode.dropAfterChunks + 1) {
          await sleep(20);
          res.socket?.destroy();
          return;
        }
        if (mode.pauseAfterChunks !== undefined && i === mode.pauseAfterChunks + 1 && mode.pauseMs)
          await sleep(mode.pauseMs);
        const f = frames[i]!;
        // Split one frame across two writes: a decoder must not assume whole frames per read.
        if (i === 2 && f.length > 20) {
          res.write(f.subarray(0, 7));
          await sleep(5);
          res.write(f.subarray(7));
        } else res.write(f);
      }
      res.end();
    },
    { mode: opts.mode },
  );
  return {
    ...mock,
    region,
    setError(e) {
      extra = e;
    },
    setCache(c) {
      cache = c;
    },
  };
}
