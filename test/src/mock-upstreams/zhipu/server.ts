import { randomBytes } from 'node:crypto';
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
import { checkZhipuJwt } from './jwt.js';

/**
 * Mock Zhipu open platform API v4 on node:http: `POST /api/paas/v4/chat/completions` (OpenAI-
 * like body; SSE `data:` chunks, usage on the last one, then `data: [DONE]`) and
 * `POST /api/paas/v4/embeddings`. Every call must carry a JWT the mock verifies itself
 * (signature with the key's secret, header, exp in ms). Errors: {"error":{"code","message"}}.
 * Docs: https://open.bigmodel.cn/dev/api/http-call/http-auth,
 * https://open.bigmodel.cn/dev/api/normal-model/glm-4, …/error-code/service-error.
 */
export const ZHIPU_TEST_KEY = { id: 'a1b2c3d4e5f6a7b8c9d0e1f2', secret: 'ZhipuTestSecret0123456789' };
export const ZHIPU_TOOL_CALL = { name: 'get_weather', arguments: '{"city":"北京"}' };

const ERRORS: Record<string, [number, string, string]> = {
  auth: [401, '1000', '身份验证失败。'],
  rate_limit: [429, '1302', '您当前使用该API的并发数过高，请降低并发，或联系客服增加限额。'],
  no_balance: [429, '1113', '您的账户已欠费，请充值后重试。'],
  server_error: [500, '500', '内部错误。'],
};
const JWT_MESSAGES: Record<string, string> = {
  '1001': 'Header中未收到Authorization参数，无法进行身份验证。',
  '1002': 'Authorization Token非法，请确认Authorization Token正确传递。',
  '1003': 'Authorization Token已过期。',
  '1004': 'Authorization Token验证失败。',
};

export interface MockZhipu extends CnMock {
  /** Ids of the keys whose JWTs passed, one per accepted call. */
  acceptedKeyIds: string[];
}

export async function startMockZhipu(opts: { port?: number; mode?: CnMockMode } = {}): Promise<MockZhipu> {
  const secrets = new Map([[ZHIPU_TEST_KEY.id, ZHIPU_TEST_KEY.secret]]);
  const acceptedKeyIds: string[] = [];
  const mock = await startCnHttpMock(
    async (req, res, mode) => {
      const check = checkZhipuJwt(req.headers.authorization as string | undefined, secrets, Date.now());
      if (!check.ok) return error(res, [401, check.code, JWT_MESSAGES[check.code]!]);
      if (mode.error) return error(res, ERRORS[mode.error] ?? ERRORS.server_error!);
      acceptedKeyIds.push(check.apiKeyId);
      if (req.path === '/api/paas/v4/chat/completions') return chat(req, res, mode);
      if (req.path === '/api/paas/v4/embeddings') return embeddings(req, res);
      error(res, [404, '1211', '模型不存在，请检查模型代码。']);
    },
    { port: opts.port, mode: opts.mode },
  );
  return { ...mock, acceptedKeyIds };
}

function error(res: ServerResponse, [status, code, message]: [number, string, string]) {
  sendJson(res, status, { error: { code, message } });
}

async function chat(req: CnRecordedRequest, res: ServerResponse, mode: CnMockMode) {
  const body = req.body ?? {};
  if (typeof body.model !== 'string' || !Array.isArray(body.messages) || body.messages.length === 0)
    return error(res, [400, '1214', 'messages 参数非法。请检查文档。']);
  if (typeof body.temperature === 'number' && (body.temperature < 0 || body.temperature > 1))
    return error(res, [400, '1214', 'temperature 参数非法。']);
  const prompt = promptTokensOf(textsOf(body.messages));
  const id = `${Date.now()}${randomBytes(4).toString('hex')}`;
  const created = Math.floor(Date.now() / 1000);
  const lastRole = (body.messages as Array<Record<string, unknown>>).at(-1)?.role;
  const useTool = Array.isArray(body.tools) && lastRole === 'user';
  const usage = (c: number) => ({ prompt_tokens: prompt, completion_tokens: c, total_tokens: prompt + c });
  const toolCall = { id: 'call_mock_1', type: 'function', index: 0, function: ZHIPU_TOOL_CALL };
  if (body.stream !== true) {
    return sendJson(res, 200, {
      id,
      request_id: id,
      created,
      model: body.model,
      choices: [
        {
          index: 0,
          finish_reason: mode.finishReason ?? (useTool ? 'tool_calls' : 'stop'),
          message: useTool
            ? { role: 'assistant', content: null, tool_calls: [toolCall] }
            : { role: 'assistant', content: CN_REPLY },
        },
      ],
      usage: usage(3),
    });
  }
  startSse(res);
  const frame = (delta: Record<string, unknown>, finish?: string, withUsage = false) =>
    `data: ${JSON.stringify({
      id,
      created,
      model: body.model,
      choices: [
        { index: 0, ...(finish ? { finish_reason: finish } : {}), delta: { role: 'assistant', ...delta } },
      ],
      ...(withUsage ? { usage: usage(3) } : {}),
    })}\n\n`;
  if (useTool) {
    // GLM sends a tool call whole, in one chunk.
    res.write(frame({ tool_calls: [toolCall] }));
    res.write(frame({ content: '' }, 'tool_calls', true));
  } else {
    for (let i = 0; i < CN_REPLY_CHUNKS.length; i++) {
      res.write(frame({ content: CN_REPLY_CHUNKS[i] }));
      if (mode.errorAfterChunks === i + 1) {
        res.write(`data: ${JSON.stringify({ error: { code: '500', message: '内部错误。' } })}\n\n`);
        return void res.end();
      }
      await pauseIfAsked(mode, i);
    }
    res.write(frame({ content: '' }, mode.finishReason ?? 'stop', true));
  }
  res.write('data: [DONE]\n\n');
  res.end();
}

function embeddings(req: CnRecordedRequest, res: ServerResponse) {
  const input = req.body?.input;
  const texts = typeof input === 'string' ? [input] : input;
  if (!Array.isArray(texts) || !texts.every((t) => typeof t === 'string'))
    return error(res, [400, '1214', 'input 参数非法。']);
  const tokens = promptTokensOf(texts as string[]);
  sendJson(res, 200, {
    model: req.body?.model,
    object: 'list',
    data: (texts as string[]).map((t, index) => ({ index, object: 'embedding', embedding: embeddingOf(t) })),
    usage: { prompt_tokens: tokens, completion_tokens: 0, total_tokens: tokens },
  });
}
