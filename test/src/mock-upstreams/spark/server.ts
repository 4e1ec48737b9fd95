import { randomBytes } from 'node:crypto';
import { createServer, STATUS_CODES } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { type WebSocket, WebSocketServer } from 'ws';
import { CN_REPLY_CHUNKS, type CnMockMode, promptTokensOf, textsOf } from '../cn-kit.js';
import { verifySparkUrl } from './verify-url.js';

/**
 * Mock iFlytek Spark WebSocket chat API (https://www.xfyun.cn/doc/spark/Web.html) on node:http
 * + ws. The upgrade is refused unless the URL's HMAC signature, host and date check out (the
 * mock's own verifier); the request frame must carry the right app_id and the domain of the
 * path. Replies are frames {header: {code, message, sid, status 0/1/2}, payload: {choices:
 * {status, seq, text: [{content, role, index}]}, usage: {text: {...}} on the last}}.
 */
export const SPARK_TEST_KEY = {
  appId: 'a1b2c3d4',
  apiKey: 'spark0000apikey1111222233334444',
  apiSecret: 'SparkTestSecret0000111122223333',
};

const DOMAINS: Record<string, string> = {
  '/v1.1/chat': 'lite',
  '/v2.1/chat': 'generalv2',
  '/v3.1/chat': 'generalv3',
  '/chat/pro-128k': 'pro-128k',
  '/v3.5/chat': 'generalv3.5',
  '/chat/max-32k': 'max-32k',
  '/v4.0/chat': '4.0Ultra',
};

const ERRORS: Record<string, [number, string]> = {
  rate_limit: [11202, '授权错误：秒级流控超限。秒级并发超过授权路数限制'],
  no_balance: [11200, '授权错误：该appId没有相关功能的授权 或者 业务量超过限制'],
  server_error: [10110, '服务忙，请稍后再试'],
};

export interface RecordedSparkRequest {
  path: string;
  url: string;
  body: Record<string, unknown> | null;
}

export interface MockSpark {
  url: string;
  requests: RecordedSparkRequest[];
  /** Handshakes refused, with the status given. */
  refused: number[];
  setMode(mode: CnMockMode | null): void;
  close(): Promise<void>;
}

export async function startMockSpark(opts: { port?: number; mode?: CnMockMode } = {}): Promise<MockSpark> {
  let mode: CnMockMode = opts.mode ?? {};
  const requests: RecordedSparkRequest[] = [];
  const refused: number[] = [];
  const secrets = new Map([[SPARK_TEST_KEY.apiKey, SPARK_TEST_KEY.apiSecret]]);
  const sockets = new Set<Socket>();
  const server = createServer((_req, res) => {
    res.writeHead(426, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ message: 'Upgrade Required' }));
  });
  const wss = new WebSocketServer({ noServer: true });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  server.on('upgrade', (req, socket, head) => {
    const url = new URL(req.url ?? '/', 'http://mock');
    const check =
      mode.error === 'auth'
        ? ({ ok: false, status: 401, message: 'HMAC signature does not match' } as const)
        : verifySparkUrl(url.searchParams, url.pathname, req.headers.host, secrets, Date.now());
    if (!check.ok || !DOMAINS[url.pathname]) {
      const status = check.ok ? 404 : check.status;
      refused.push(status);
      const body = JSON.stringify({ message: check.ok ? 'Not Found' : check.message });
      socket.end(
        `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\ncontent-type: application/json\r\ncontent-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`,
      );
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => {
      ws.once('message', (data) => {
        let body: Record<string, unknown> | null = null;
        try {
          body = JSON.parse(data.toString());
        } catch {}
        const rec = { path: url.pathname, url: req.url ?? '', body };
        requests.push(rec);
        reply(ws, rec, DOMAINS[url.pathname]!, mode).catch(() => ws.terminate());
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(opts.port ?? 0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `ws://127.0.0.1:${port}`,
    requests,
    refused,
    setMode(m) {
      mode = m ?? {};
    },
    async close() {
      for (const c of wss.clients) c.terminate();
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

async function reply(
  ws: WebSocket,
  rec: RecordedSparkRequest,
  domain: string,
  mode: CnMockMode,
): Promise<void> {
  const sid = `cht000${randomBytes(6).toString('hex')}@dx${Date.now().toString(16)}`;
  const send = (code: number, message: string, status: number, text?: string, seq = 0, usage?: object) =>
    ws.send(
      JSON.stringify({
        header: { code, message, sid, status },
        ...(code === 0
          ? {
              payload: {
                choices: { status, seq, text: [{ content: text ?? '', role: 'assistant', index: 0 }] },
                ...(usage ? { usage: { text: usage } } : {}),
              },
            }
          : {}),
      }),
    );
  const fail = (code: number, message: string) => {
    send(code, message, 2);
    ws.close();
  };
  const body = rec.body ?? {};
  const header = (body.header ?? {}) as Record<string, unknown>;
  const chat = (((body.parameter ?? {}) as Record<string, unknown>).chat ?? {}) as Record<string, unknown>;
  const text = (
    ((body.payload ?? {}) as Record<string, unknown>).message as Record<string, unknown> | undefined
  )?.text;
  if (header.app_id !== SPARK_TEST_KEY.appId) return fail(10313, 'appid和apikey不匹配');
  if (chat.domain !== domain) return fail(10163, `参数校验失败：domain 应为 ${domain}`);
  if (!Array.isArray(text) || text.length === 0)
    return fail(10163, '参数校验失败：payload.message.text 不能为空');
  const forced = mode.error ? ERRORS[mode.error] : undefined;
  if (forced) return fail(...forced);
  const prompt = promptTokensOf(textsOf(text));
  const usage = (c: number) => ({
    question_tokens: prompt,
    prompt_tokens: prompt,
    completion_tokens: c,
    total_tokens: prompt + c,
  });
  if (mode.error === 'empty_content') {
    send(0, 'Success', 2, '', 0, usage(0));
    return void ws.close();
  }
  for (let i = 0; i < CN_REPLY_CHUNKS.length; i++) {
    const last = i === CN_REPLY_CHUNKS.length - 1;
    send(
      0,
      'Success',
      i === 0 ? 0 : last ? 2 : 1,
      CN_REPLY_CHUNKS[i],
      i,
      last ? usage(CN_REPLY_CHUNKS.length) : undefined,
    );
    if (mode.errorAfterChunks === i + 1) return fail(10222, '网络异常');
    if (mode.dropAfterChunks === i + 1) return void ws.close();
    if (mode.pauseAfterChunks === i + 1) await sleep(mode.pauseMs ?? 1000);
  }
  ws.close();
}
