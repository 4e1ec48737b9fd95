import { randomUUID } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import {
  CN_REPLY,
  CN_REPLY_CHUNKS,
  type CnMock,
  type CnMockMode,
  type CnRecordedRequest,
  embeddingOf,
  pauseIfAsked,
  promptTokensOf,
  sendJson,
  startCnHttpMock,
  startSse,
  textsOf,
} from '../cn-kit.js';

/**
 * Mock Alibaba DashScope native API (v1) on node:http:
 * - `POST /api/v1/services/aigc/text-generation/generation`, `Authorization: Bearer <key>`,
 *   body {model, input: {messages}, parameters}; `X-DashScope-SSE: enable` (or
 *   `Accept: text/event-stream`) streams `id:/event:result/:HTTP_STATUS/200/data:` frames,
 *   deltas only when `parameters.incremental_output` is true, whole text so far otherwise.
 * - `POST /api/v1/services/embeddings/text-embedding/text-embedding`, {model, input: {texts}}.
 * - `GET /compatible-mode/v1/models` (the OpenAI-compatible mode's model list).
 * Errors: {"code","message","request_id"} with the HTTP status DashScope uses.
 * Docs: https://help.aliyun.com/zh/model-studio/developer-reference/use-qwen-by-calling-api,
 * https://help.aliyun.com/zh/model-studio/error-code.
 */
export interface MockQwenOptions {
  port?: number;
  /** Accepted API key. */
  apiKey?: string;
  mode?: CnMockMode;
}

export const QWEN_TEST_KEY = 'sk-qwen-test-0123456789abcdef';
export const QWEN_MODELS = ['qwen-plus', 'qwen-turbo', 'qwen-max', 'qwen-vl-plus', 'text-embedding-v3'];
export const QWEN_TOOL_ARGUMENTS = ['{"city":', ' "北京"}'];

const ERRORS: Record<string, [number, string, string]> = {
  auth: [401, 'InvalidApiKey', 'Invalid API-key provided.'],
  rate_limit: [429, 'Throttling.RateQuota', 'Requests rate limit exceeded, please try again later.'],
  no_balance: [400, 'Arrearage', 'Access denied, please make sure your account is in good standing.'],
  server_error: [
    500,
    'InternalError',
    'An internal error has occured, please try again later or contact service support.',
  ],
};

export async function startMockQwen(opts: MockQwenOptions = {}): Promise<CnMock> {
  const apiKey = opts.apiKey ?? QWEN_TEST_KEY;
  return startCnHttpMock(
    async (req, res, mode) => {
      const requestId = randomUUID();
      const auth = req.headers.authorization;
      const forced = mode.error ? ERRORS[mode.error] : undefined;
      if (auth !== `Bearer ${apiKey}` || mode.error === 'auth') return error(res, ERRORS.auth!, requestId);
      if (forced) return error(res, forced, requestId);
      if (req.path === '/api/v1/services/aigc/text-generation/generation')
        return generation(req, res, mode, requestId, false);
      if (req.path === '/api/v1/services/aigc/multimodal-generation/generation')
        return generation(req, res, mode, requestId, true);
      if (req.path === '/compatible-mode/v1/models' && req.method === 'GET')
        return sendJson(res, 200, {
          object: 'list',
          data: QWEN_MODELS.map((id) => ({
            id,
            object: 'model',
            created: 1_700_000_000,
            owned_by: 'system',
          })),
        });
      if (req.path === '/api/v1/services/embeddings/text-embedding/text-embedding')
        return embedding(req, res, requestId);
      sendJson(res, 404, { code: 'NotFound', message: 'Not Found', request_id: requestId });
    },
    { port: opts.port, mode: opts.mode },
  );
}

function error(
  res: ServerResponse,
  [status, code, message]: [number, string, string],
  requestId: string,
): void {
  sendJson(res, status, { code, message, request_id: requestId });
}

/**
 * Text generation, or multimodal generation (qwen-vl): there every message's content is a list
 * of {text} / {image} items, and so is the answer's.
 */
async function generation(
  req: CnRecordedRequest,
  res: ServerResponse,
  mode: CnMockMode,
  requestId: string,
  multimodal: boolean,
) {
  const body = req.body ?? {};
  const input = (body.input ?? {}) as Record<string, unknown>;
  const parameters = (body.parameters ?? {}) as Record<string, unknown>;
  if (typeof body.model !== 'string' || !Array.isArray(input.messages) || input.messages.length === 0)
    return error(res, [400, 'InvalidParameter', 'Input or messages is missing'], requestId);
  for (const m of input.messages as Array<Record<string, unknown>>)
    if (
      (multimodal ? !validMultimodal(m.content) : typeof m.content !== 'string') ||
      !['system', 'user', 'assistant', 'tool'].includes(String(m.role))
    )
      return error(
        res,
        [400, 'InvalidParameter', 'Role must be in [user, assistant, system, tool] and content well-formed'],
        requestId,
      );
  // DashScope's documented ranges: temperature [0, 2), top_p (0, 1].
  const t = parameters.temperature;
  if (typeof t === 'number' && (t < 0 || t >= 2))
    return error(res, [400, 'InvalidParameter', 'Range of temperature should be [0.0, 2.0)'], requestId);
  const p = parameters.top_p;
  if (typeof p === 'number' && (p <= 0 || p > 1))
    return error(res, [400, 'InvalidParameter', 'Range of top_p should be (0.0, 1.0]'], requestId);
  const prompt = promptTokensOf(multimodal ? multimodalTexts(input.messages) : textsOf(input.messages));
  const answer = (text: string) => (multimodal ? [{ text }] : text);
  const messageFormat = parameters.result_format === 'message';
  const lastRole = (input.messages as Array<Record<string, unknown>>).at(-1)?.role;
  const tools =
    Array.isArray(parameters.tools) && lastRole === 'user'
      ? (parameters.tools as Array<{ function?: { name?: string } }>)
      : null;
  const toolName = tools ? String(tools[0]?.function?.name ?? '') : '';
  const usage = (output: number) => ({
    input_tokens: prompt,
    output_tokens: output,
    total_tokens: prompt + output,
  });
  const stream =
    req.headers['x-dashscope-sse'] === 'enable' ||
    String(req.headers.accept ?? '').includes('text/event-stream');

  if (!stream) {
    if (!messageFormat)
      return sendJson(res, 200, {
        output: { text: CN_REPLY, finish_reason: 'stop' },
        usage: usage(3),
        request_id: requestId,
      });
    const message = tools
      ? {
          role: 'assistant',
          content: '',
          tool_calls: [
            {
              index: 0,
              id: 'call_mock_1',
              type: 'function',
              function: { name: toolName, arguments: QWEN_TOOL_ARGUMENTS.join('') },
            },
          ],
        }
      : { role: 'assistant', content: answer(CN_REPLY) };
    return sendJson(res, 200, {
      output: { choices: [{ finish_reason: tools ? 'tool_calls' : 'stop', message }] },
      usage: usage(3),
      request_id: requestId,
    });
  }

  startSse(res, { 'x-dashscope-request-id': requestId });
  const incremental = parameters.incremental_output === true;
  const pieces = tools ? QWEN_TOOL_ARGUMENTS : CN_REPLY_CHUNKS;
  let sofar = '';
  for (let i = 0; i < pieces.length; i++) {
    const last = i === pieces.length - 1;
    sofar += pieces[i];
    const text = incremental ? pieces[i]! : sofar;
    const message = tools
      ? {
          role: 'assistant',
          content: '',
          tool_calls: [
            i === 0
              ? {
                  index: 0,
                  id: 'call_mock_1',
                  type: 'function',
                  function: { name: toolName, arguments: text },
                }
              : { index: 0, id: '', type: 'function', function: { arguments: text } },
          ],
        }
      : { role: 'assistant', content: answer(text) };
    const data = messageFormat
      ? { output: { choices: [{ message, finish_reason: last ? (tools ? 'tool_calls' : 'stop') : 'null' }] } }
      : { output: { text, finish_reason: last ? 'stop' : 'null' } };
    res.write(
      `id:${i + 1}\nevent:result\n:HTTP_STATUS/200\ndata:${JSON.stringify({ ...data, usage: usage(i + 1), request_id: requestId })}\n\n`,
    );
    if (mode.errorAfterChunks === i + 1) {
      const err = { code: 'InternalError', message: 'stream interrupted', request_id: requestId };
      res.write(`id:${i + 2}\nevent:error\n:HTTP_STATUS/500\ndata:${JSON.stringify(err)}\n\n`);
      return void res.end();
    }
    await pauseIfAsked(mode, i);
  }
  res.end();
}

function embedding(req: CnRecordedRequest, res: ServerResponse, requestId: string) {
  const input = (req.body?.input ?? {}) as Record<string, unknown>;
  const texts = input.texts;
  if (!Array.isArray(texts) || texts.length === 0 || !texts.every((t) => typeof t === 'string'))
    return error(
      res,
      [400, 'InvalidParameter', 'input.texts should be a non-empty list of strings'],
      requestId,
    );
  const dims = Number(((req.body?.parameters ?? {}) as Record<string, unknown>).dimension ?? 8);
  sendJson(res, 200, {
    output: {
      embeddings: (texts as string[]).map((t, i) => ({ text_index: i, embedding: embeddingOf(t, dims) })),
    },
    usage: { total_tokens: promptTokensOf(texts as string[]) },
    request_id: requestId,
  });
}

function validMultimodal(content: unknown): boolean {
  return (
    Array.isArray(content) &&
    content.every(
      (c) =>
        typeof c === 'object' && c !== null && (typeof c.text === 'string' || typeof c.image === 'string'),
    )
  );
}

/** Text items count as text; each image as a fixed 100 tokens. */
function multimodalTexts(messages: unknown): string[] {
  const out: string[] = [];
  for (const m of messages as Array<{ content: Array<{ text?: string; image?: string }> }>)
    for (const c of m.content) out.push(c.text ?? 'i'.repeat(100));
  return out;
}
