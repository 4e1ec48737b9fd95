import { randomUUID } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import {
  CN_REPLY,
  CN_REPLY_CHUNKS,
  type CnMock,
  embeddingOf,
  type CnMockMode,
  type CnRecordedRequest,
  pauseIfAsked,
  promptTokensOf,
  sendJson,
  startCnHttpMock,
  startSse,
  textsOf,
} from '../cn-kit.js';
import { verifyTc3 } from './verify-tc3.js';

/**
 * Mock Tencent Hunyuan (API 3.0, version 2023-09-01) on node:http: `POST /` with
 * `X-TC-Action: ChatCompletions`, TC3-HMAC-SHA256 verified by the mock's own code and the
 * exact `Content-Type: application/json; charset=utf-8`. Non-stream replies are
 * {"Response": {Choices, Usage, Id, Created, RequestId}}; `Stream: true` gives SSE `data:`
 * frames with Choices[].Delta and Usage. Errors are {"Response": {"Error": {Code, Message},
 * RequestId}} with HTTP 200, as Tencent Cloud sends them.
 * Docs: https://cloud.tencent.com/document/api/1729/105701 (ChatCompletions),
 * https://cloud.tencent.com/document/api/1729/101843 (signature v3).
 */
export const HUNYUAN_TEST_KEY = {
  secretId: 'AKIDhunyuanTest0000000000000000000000',
  secretKey: 'hunyuanTestSecretKey000000000000',
};
export const HUNYUAN_TOOL_CALL = { name: 'get_weather', arguments: '{"city":"北京"}' };

const ERRORS: Record<string, [string, string]> = {
  auth: ['AuthFailure.SignatureFailure', 'The provided credentials could not be validated.'],
  rate_limit: ['RequestLimitExceeded', 'Your current request rate exceeds the limit.'],
  no_balance: ['FailedOperation.ServiceStopArrears', '服务已停止：账号欠费。'],
  server_error: ['InternalError', 'An internal error has occurred.'],
};

export async function startMockHunyuan(opts: { port?: number; mode?: CnMockMode } = {}): Promise<CnMock> {
  const secrets = new Map([[HUNYUAN_TEST_KEY.secretId, HUNYUAN_TEST_KEY.secretKey]]);
  return startCnHttpMock(
    async (req, res, mode) => {
      const requestId = randomUUID();
      const fail = ([code, message]: [string, string]) =>
        sendJson(res, 200, { Response: { Error: { Code: code, Message: message }, RequestId: requestId } });
      if (req.method !== 'POST' || req.path !== '/')
        return fail(['UnsupportedProtocol', 'Only POST / is supported.']);
      if (req.headers['content-type'] !== 'application/json; charset=utf-8')
        return fail(['InvalidParameter', 'Content-Type must be exactly "application/json; charset=utf-8".']);
      const check = verifyTc3(
        { method: 'POST', path: '/', query: '', headers: req.headers, body: req.raw },
        secrets,
        Date.now(),
      );
      if (!check.ok) return fail([check.code, check.message]);
      const action = req.headers['x-tc-action'];
      if (action !== 'ChatCompletions' && action !== 'GetEmbedding')
        return fail(['InvalidAction', 'The action is not found.']);
      if (req.headers['x-tc-version'] !== '2023-09-01')
        return fail(['NoSuchVersion', 'The version is not found.']);
      if (mode.error) return fail(ERRORS[mode.error] ?? ERRORS.server_error!);
      if (action === 'GetEmbedding') return embedding(req, res, requestId, fail);
      return chat(req, res, mode, requestId, fail);
    },
    { port: opts.port, mode: opts.mode },
  );
}

async function chat(
  req: CnRecordedRequest,
  res: ServerResponse,
  mode: CnMockMode,
  requestId: string,
  fail: (e: [string, string]) => void,
) {
  const body = req.body ?? {};
  const messages = body.Messages;
  if (typeof body.Model !== 'string') return fail(['MissingParameter', 'The parameter `Model` is missing.']);
  if (!Array.isArray(messages) || messages.length === 0)
    return fail(['MissingParameter', 'The parameter `Messages` is missing.']);
  for (const m of messages as Array<Record<string, unknown>>)
    if (!['system', 'user', 'assistant', 'tool'].includes(String(m.Role)))
      return fail(['InvalidParameterValue', 'Messages.Role must be system, user, assistant or tool.']);
  // API reference, ChatCompletions.Messages: system only first; user (tool) and assistant
  // alternate, starting with user and ending with user or tool; only tool may repeat.
  const roles = (messages as Array<Record<string, unknown>>).map((m) => String(m.Role));
  const turns = roles[0] === 'system' ? roles.slice(1) : roles;
  const misordered =
    turns.includes('system') ||
    turns[0] !== 'user' ||
    !['user', 'tool'].includes(turns.at(-1) ?? '') ||
    turns.some((r, i) => i > 0 && r === turns[i - 1] && r !== 'tool');
  if (misordered)
    return fail([
      'InvalidParameter',
      'Messages 中 user（tool）和 assistant 需交替出现，以 user 开始、user（tool）结束。',
    ]);
  if (Object.keys(body).some((k) => k[0] !== k[0]?.toUpperCase()))
    return fail(['UnknownParameter', 'Parameter names are PascalCase.']);
  const prompt = promptTokensOf(textsOf(messages, 'Content'));
  const usage = (c: number) => ({ PromptTokens: prompt, CompletionTokens: c, TotalTokens: prompt + c });
  const id = randomUUID();
  const created = Math.floor(Date.now() / 1000);
  const lastRole = (messages as Array<Record<string, unknown>>).at(-1)?.Role;
  const useTool = Array.isArray(body.Tools) && lastRole === 'user';
  const toolCall = {
    Id: 'call_mock_1',
    Type: 'function',
    Index: 0,
    Function: { Name: HUNYUAN_TOOL_CALL.name, Arguments: HUNYUAN_TOOL_CALL.arguments },
  };
  const note = '以上内容为AI生成，不代表开发者立场，请勿删除或修改本标记';
  if (body.Stream !== true) {
    return sendJson(res, 200, {
      Response: {
        RequestId: requestId,
        Note: note,
        Choices: [
          {
            Index: 0,
            FinishReason: useTool ? 'tool_calls' : 'stop',
            Message: useTool
              ? { Role: 'assistant', Content: '', ToolCalls: [toolCall] }
              : { Role: 'assistant', Content: CN_REPLY },
          },
        ],
        Created: created,
        Id: id,
        Usage: usage(3),
      },
    });
  }
  startSse(res);
  const frame = (delta: Record<string, unknown>, finish: string, c: number) =>
    `data: ${JSON.stringify({ Note: note, Choices: [{ Index: 0, Delta: { Role: 'assistant', ...delta }, FinishReason: finish }], Created: created, Id: id, Usage: usage(c) })}\n\n`;
  if (useTool) {
    res.write(frame({ Content: '', ToolCalls: [toolCall] }, '', 1));
    res.write(frame({ Content: '' }, 'tool_calls', 3));
    return void res.end();
  }
  for (let i = 0; i < CN_REPLY_CHUNKS.length; i++) {
    const last = i === CN_REPLY_CHUNKS.length - 1;
    res.write(frame({ Content: CN_REPLY_CHUNKS[i] }, last ? 'stop' : '', i + 1));
    if (mode.errorAfterChunks === i + 1) {
      res.write(
        `data: ${JSON.stringify({ Id: id, ErrorMsg: { Code: 'InternalError', Msg: '服务内部错误' } })}\n\n`,
      );
      return void res.end();
    }
    await pauseIfAsked(mode, i);
  }
  res.end();
}

/** GetEmbedding: one text in `Input` per call (the API does not batch), 1024 dimensions upstream. */
function embedding(
  req: CnRecordedRequest,
  res: ServerResponse,
  requestId: string,
  fail: (e: [string, string]) => void,
) {
  const input = req.body?.Input;
  if (typeof input !== 'string' || input === '')
    return fail(['MissingParameter', 'The parameter `Input` is missing.']);
  const tokens = promptTokensOf([input]);
  sendJson(res, 200, {
    Response: {
      RequestId: requestId,
      Data: [{ Embedding: embeddingOf(input), Index: 0, Object: 'embedding' }],
      Usage: { PromptTokens: tokens, TotalTokens: tokens },
    },
  });
}
