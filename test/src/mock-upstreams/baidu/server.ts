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
import { checkBaiduMessages } from './messages.js';

/**
 * Mock Baidu Qianfan (wenxinworkshop v1 API) on node:http. It runs its own OAuth server:
 * `POST /oauth/2.0/token?grant_type=client_credentials&client_id=…&client_secret=…` issues
 * access tokens (expires_in 2592000 by default) and every chat/embeddings call checks the
 * `access_token` query parameter against what it issued: unknown → error_code 110, past its
 * expiry → 111. Errors are {"error_code","error_msg"} with HTTP 200, as Baidu sends them.
 * Docs: https://cloud.baidu.com/doc/WENXINWORKSHOP/s/Ilkkrb0i5 (token),
 * …/clntwmv7t (chat), …/tlmyncueh (error codes).
 */
export interface MockBaiduOptions {
  port?: number;
  /** Accepted API key / secret key pair. */
  apiKey?: string;
  secretKey?: string;
  /** Lifetime of issued tokens, seconds (Baidu: 30 days). */
  tokenTtlSeconds?: number;
  mode?: CnMockMode;
}

export interface MockBaidu extends CnMock {
  /** Access tokens issued so far. */
  tokensIssued(): number;
  /** Makes every issued token expired (the next call with one gets error_code 111). */
  expireTokens(): void;
}

export const BAIDU_TEST_KEY = { apiKey: 'baidu-test-ak-0001', secretKey: 'baidu-test-sk-0001' };
export const BAIDU_FUNCTION_ARGUMENTS = '{"city":"北京"}';

const CHAT_PREFIX = '/rpc/2.0/ai_custom/v1/wenxinworkshop/chat/';
const EMBED_PREFIX = '/rpc/2.0/ai_custom/v1/wenxinworkshop/embeddings/';
const KNOWN_ENDPOINTS = new Set([
  'completions_pro',
  'completions',
  'ernie_speed',
  'ernie-lite-8k',
  'eb-instant',
]);

export async function startMockBaidu(opts: MockBaiduOptions = {}): Promise<MockBaidu> {
  const apiKey = opts.apiKey ?? BAIDU_TEST_KEY.apiKey;
  const secretKey = opts.secretKey ?? BAIDU_TEST_KEY.secretKey;
  const ttl = opts.tokenTtlSeconds ?? 2_592_000;
  const tokens = new Map<string, number>(); // token → expiry (ms)
  let issued = 0;

  const mock = await startCnHttpMock(
    async (req, res, mode) => {
      if (req.path === '/oauth/2.0/token') return token(req, res, mode);
      const check = checkToken(req.query.access_token);
      if (check) return sendJson(res, 200, check);
      if (req.path.startsWith(CHAT_PREFIX)) return chat(req, res, mode, req.path.slice(CHAT_PREFIX.length));
      if (req.path.startsWith(EMBED_PREFIX)) return embed(req, res, mode);
      return sendJson(res, 200, { error_code: 3, error_msg: 'Unsupported openapi method' });
    },
    { port: opts.port, mode: opts.mode },
  );

  function token(req: CnRecordedRequest, res: ServerResponse, mode: CnMockMode) {
    const q = req.query;
    if (req.method !== 'POST' || q.grant_type !== 'client_credentials')
      return sendJson(res, 400, {
        error: 'unsupported_grant_type',
        error_description: 'unsupported grant type',
      });
    if (mode.error === 'auth' || q.client_id !== apiKey)
      return sendJson(res, 401, { error: 'invalid_client', error_description: 'unknown client id' });
    if (q.client_secret !== secretKey)
      return sendJson(res, 401, {
        error: 'invalid_client',
        error_description: 'Client authentication failed',
      });
    const accessToken = `24.${randomBytes(16).toString('hex')}.${ttl}.${Math.floor(Date.now() / 1000)}.282335-${issued}`;
    tokens.set(accessToken, Date.now() + ttl * 1000);
    issued++;
    sendJson(res, 200, {
      refresh_token: `25.${randomBytes(16).toString('hex')}`,
      expires_in: ttl,
      session_key: randomBytes(8).toString('hex'),
      access_token: accessToken,
      scope: 'public brain_all_scope wenxinworkshop_mgr',
      session_secret: randomBytes(8).toString('hex'),
    });
  }

  function checkToken(token: string | undefined): { error_code: number; error_msg: string } | null {
    const expiry = token ? tokens.get(token) : undefined;
    if (expiry === undefined)
      return { error_code: 110, error_msg: 'Access token invalid or no longer valid' };
    if (expiry <= Date.now()) return { error_code: 111, error_msg: 'Access token expired' };
    return null;
  }

  return {
    ...mock,
    tokensIssued: () => issued,
    expireTokens() {
      for (const k of tokens.keys()) tokens.set(k, 0);
    },
  };
}

function modeError(mode: CnMockMode): { error_code: number; error_msg: string } | null {
  switch (mode.error) {
    case 'rate_limit':
      return { error_code: 18, error_msg: 'Open api qps request limit reached' };
    case 'no_balance':
      return { error_code: 17, error_msg: 'Open api daily request limit reached' };
    case 'server_error':
      return { error_code: 336100, error_msg: 'Service temporarily unavailable, try again later' };
    case 'auth':
      return { error_code: 110, error_msg: 'Access token invalid or no longer valid' };
    default:
      return null;
  }
}

async function chat(
  req: CnRecordedRequest,
  res: ServerResponse,
  mode: CnMockMode,
  endpoint: string,
): Promise<void> {
  if (!KNOWN_ENDPOINTS.has(endpoint))
    return sendJson(res, 200, { error_code: 3, error_msg: 'Unsupported openapi method' });
  const err = modeError(mode);
  if (err) return sendJson(res, 200, err);
  const body = req.body ?? {};
  const invalid = checkBaiduMessages(body);
  if (invalid) return sendJson(res, 200, invalid);
  const texts = textsOf(body.messages);
  if (typeof body.system === 'string') texts.push(body.system);
  const prompt = promptTokensOf(texts);
  const id = `as-${randomBytes(5).toString('hex')}`;
  const created = Math.floor(Date.now() / 1000);
  const functions = Array.isArray(body.functions) ? (body.functions as Array<{ name?: string }>) : [];
  const lastRole = (body.messages as Array<Record<string, unknown>>).at(-1)?.role;
  const functionCall =
    functions.length > 0 && lastRole === 'user'
      ? {
          name: String(functions[0]!.name),
          thoughts: '用户想知道天气，调用天气函数。',
          arguments: BAIDU_FUNCTION_ARGUMENTS,
        }
      : null;
  const usage = (completion: number) => ({
    prompt_tokens: prompt,
    completion_tokens: completion,
    total_tokens: prompt + completion,
  });
  if (functionCall) {
    const reply = {
      id,
      object: 'chat.completion',
      created,
      result: '',
      is_truncated: false,
      need_clear_history: false,
      finish_reason: 'function_call',
      function_call: functionCall,
      usage: usage(5),
    };
    if (body.stream !== true) return sendJson(res, 200, reply);
    startSse(res);
    res.write(`data: ${JSON.stringify({ ...reply, sentence_id: 0, is_end: true })}\n\n`);
    return void res.end();
  }
  if (body.stream !== true) {
    return sendJson(res, 200, {
      id,
      object: 'chat.completion',
      created,
      result: CN_REPLY,
      is_truncated: false,
      need_clear_history: false,
      finish_reason: 'normal',
      usage: usage(CN_REPLY_CHUNKS.length),
    });
  }
  startSse(res);
  for (let i = 0; i < CN_REPLY_CHUNKS.length; i++) {
    const last = i === CN_REPLY_CHUNKS.length - 1;
    const frame = {
      id,
      object: 'chat.completion',
      created,
      sentence_id: i,
      is_end: last,
      is_truncated: false,
      result: CN_REPLY_CHUNKS[i],
      need_clear_history: false,
      finish_reason: last ? 'normal' : '',
      usage: usage(i + 1),
    };
    res.write(`data: ${JSON.stringify(frame)}\n\n`);
    if (mode.errorAfterChunks === i + 1) {
      res.write(`data: ${JSON.stringify({ error_code: 336100, error_msg: 'try again later' })}\n\n`);
      return void res.end();
    }
    await pauseIfAsked(mode, i);
  }
  res.end();
}

async function embed(req: CnRecordedRequest, res: ServerResponse, mode: CnMockMode): Promise<void> {
  const err = modeError(mode);
  if (err) return sendJson(res, 200, err);
  const input = req.body?.input;
  if (!Array.isArray(input) || input.length === 0 || !input.every((t) => typeof t === 'string'))
    return sendJson(res, 200, { error_code: 336003, error_msg: 'input is invalid' });
  const tokens = promptTokensOf(input as string[]);
  sendJson(res, 200, {
    id: `as-${randomBytes(5).toString('hex')}`,
    object: 'embedding_list',
    created: Math.floor(Date.now() / 1000),
    data: (input as string[]).map((t, index) => ({ object: 'embedding', embedding: embeddingOf(t), index })),
    usage: { prompt_tokens: tokens, total_tokens: tokens },
  });
}
