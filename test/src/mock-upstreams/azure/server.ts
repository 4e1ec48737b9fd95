import { createHash, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * Mock of the Azure OpenAI data plane, api-version 2024-10-21 (GA) and neighbours
 * (https://learn.microsoft.com/azure/ai-services/openai/reference): POST
 * /openai/deployments/{deployment}/chat/completions and /embeddings with `?api-version=`.
 * Checks the `api-key` header itself, knows its deployments, answers in OpenAI's format with
 * Azure's extras (prompt_filter_results first in a stream, content_filter_results per choice),
 * and fails on demand with Azure's error bodies.
 */
export type AzureMockMode =
  | 'ok'
  | 'rate_limit'
  | 'quota_exhausted'
  | 'content_filter'
  | 'server_error'
  | 'pause';

export interface RecordedRequest {
  method: string;
  path: string;
  headers: Record<string, string | string[] | undefined>;
  body: unknown;
}

export interface AzureMock {
  url: string;
  apiKey: string;
  /** deployment name → underlying model. */
  deployments: Record<string, string>;
  requests: RecordedRequest[];
  setMode(mode: AzureMockMode, options?: { pauseMs?: number }): void;
  close(): Promise<void>;
}

const API_VERSIONS = new Set([
  '2024-02-01',
  '2024-06-01',
  '2024-10-21',
  '2024-12-01-preview',
  '2025-01-01-preview',
  '2025-04-01-preview',
]);
const NOT_FILTERED = {
  hate: { filtered: false, severity: 'safe' },
  self_harm: { filtered: false, severity: 'safe' },
  sexual: { filtered: false, severity: 'safe' },
  violence: { filtered: false, severity: 'safe' },
};

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

export async function startAzureMock(opts: { apiKey?: string; port?: number } = {}): Promise<AzureMock> {
  const apiKey = opts.apiKey ?? randomBytes(16).toString('hex');
  const deployments: Record<string, string> = {
    'gpt-4o': 'gpt-4o-2024-08-06',
    'my-embeddings': 'text-embedding-3-small',
  };
  const requests: RecordedRequest[] = [];
  let mode: AzureMockMode = 'ok';
  let pauseMs = 1000;

  const server = createServer(async (req, res) => {
    const raw = await readBody(req);
    const url = new URL(req.url ?? '/', 'http://mock');
    let body: unknown;
    try {
      body = raw.length > 0 ? JSON.parse(raw.toString('utf8')) : undefined;
    } catch {
      body = undefined;
    }
    requests.push({ method: req.method ?? '', path: url.pathname + url.search, headers: req.headers, body });

    if (req.headers['api-key'] !== apiKey)
      return error(
        res,
        401,
        '401',
        'Access denied due to invalid subscription key or wrong API endpoint. Make sure to provide a valid key for an active subscription and use a correct regional API endpoint for your resource.',
      );
    const m = /^\/openai\/deployments\/([^/]+)\/(chat\/completions|embeddings)$/.exec(url.pathname);
    const version = url.searchParams.get('api-version');
    if (!m || req.method !== 'POST' || !version) return error(res, 404, '404', 'Resource not found');
    if (!API_VERSIONS.has(version)) return error(res, 400, 'BadRequest', 'API version not supported');
    const deployment = decodeURIComponent(m[1]!);
    const model = deployments[deployment];
    if (!model)
      return error(
        res,
        404,
        'DeploymentNotFound',
        'The API deployment for this resource does not exist. If you created the deployment within the last 5 minutes, please wait a moment and try again.',
      );
    if (mode === 'rate_limit') {
      res.setHeader('retry-after', '2');
      return error(
        res,
        429,
        '429',
        `Requests to the ChatCompletions_Create Operation under Azure OpenAI API version ${version} have exceeded token rate limit of your current OpenAI S0 pricing tier. Please retry after 2 seconds.`,
      );
    }
    if (mode === 'quota_exhausted')
      return error(
        res,
        403,
        '403',
        'Out of call volume quota for OpenAI API. Quota will be replenished in 5 days.',
      );
    if (mode === 'server_error')
      return error(res, 500, 'InternalServerError', 'The server had an error while processing your request.');
    if (!isObj(body)) return error(res, 400, 'BadRequest', 'Invalid JSON body');

    if (m[2] === 'embeddings') return embeddings(res, body, model);
    if (mode === 'content_filter')
      return error(
        res,
        400,
        'content_filter',
        "The response was filtered due to the prompt triggering Azure OpenAI's content management policy.",
        { param: 'prompt', status: 400 },
      );
    if (!Array.isArray(body.messages) || body.messages.length === 0)
      return error(res, 400, 'BadRequest', "'messages' is a required property", { param: 'messages' });
    if (body.stream_options !== undefined && body.stream !== true)
      return error(
        res,
        400,
        'BadRequest',
        "The 'stream_options' parameter is only allowed when 'stream' is enabled.",
      );
    return chat(res, body, model, mode === 'pause' ? pauseMs : 0);
  });

  await new Promise<void>((resolve) => server.listen(opts.port ?? 0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    apiKey,
    deployments,
    requests,
    setMode(mm, o = {}) {
      mode = mm;
      pauseMs = o.pauseMs ?? 1000;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

async function chat(res: ServerResponse, body: Obj, model: string, pauseMs: number) {
  const messages = body.messages as Obj[];
  const last = messages[messages.length - 1]!;
  const tools = Array.isArray(body.tools) ? (body.tools as Obj[]) : [];
  const prompt = Math.ceil(JSON.stringify(messages).length / 4);
  const id = `chatcmpl-${randomBytes(12).toString('base64url')}`;
  const created = Math.floor(Date.now() / 1000);
  const toolCall =
    tools.length > 0 && last.role !== 'tool' && body.tool_choice !== 'none'
      ? {
          id: `call_${randomBytes(8).toString('hex')}`,
          type: 'function',
          function: { name: String((tools[0]!.function as Obj).name), arguments: '{"city":"Paris"}' },
        }
      : null;
  const text =
    last.role === 'tool' ? `Tool said: ${String(last.content)}` : `You said: ${String(last.content)}`;
  const pieces = toolCall ? [] : `Hello! ${text}`.split(/(?<= )/);
  const usage = {
    prompt_tokens: prompt,
    completion_tokens: toolCall ? 9 : pieces.length,
    total_tokens: prompt + (toolCall ? 9 : pieces.length),
    prompt_tokens_details: { cached_tokens: 0 },
    completion_tokens_details: { reasoning_tokens: 0 },
  };
  const finish = toolCall ? 'tool_calls' : 'stop';
  const promptFilter = [{ prompt_index: 0, content_filter_results: NOT_FILTERED }];

  if (body.stream !== true) {
    res.writeHead(200, {
      'content-type': 'application/json',
      'apim-request-id': randomBytes(8).toString('hex'),
    });
    return res.end(
      JSON.stringify({
        id,
        object: 'chat.completion',
        created,
        model,
        prompt_filter_results: promptFilter,
        choices: [
          {
            index: 0,
            message: {
              role: 'assistant',
              content: toolCall ? null : pieces.join(''),
              ...(toolCall ? { tool_calls: [toolCall] } : {}),
            },
            finish_reason: finish,
            logprobs: null,
            content_filter_results: NOT_FILTERED,
          },
        ],
        usage,
        system_fingerprint: 'fp_azure',
      }),
    );
  }
  res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache' });
  const send = (data: unknown) => res.write(`data: ${JSON.stringify(data)}\n\n`);
  const chunk = (delta: Obj, finishReason: string | null = null) =>
    send({
      id,
      object: 'chat.completion.chunk',
      created,
      model,
      system_fingerprint: 'fp_azure',
      choices: [
        {
          index: 0,
          delta,
          finish_reason: finishReason,
          logprobs: null,
          content_filter_results: finishReason ? {} : NOT_FILTERED,
        },
      ],
    });
  // Azure opens with an empty-choices chunk carrying the prompt's filter results.
  send({ id: '', object: '', created: 0, model: '', choices: [], prompt_filter_results: promptFilter });
  chunk({ role: 'assistant', content: '', refusal: null });
  if (toolCall) {
    chunk({
      tool_calls: [
        {
          index: 0,
          id: toolCall.id,
          type: 'function',
          function: { name: toolCall.function.name, arguments: '' },
        },
      ],
    });
    chunk({ tool_calls: [{ index: 0, function: { arguments: toolCall.function.arguments } }] });
  }
  for (let i = 0; i < pieces.length; i++) {
    if (i === 1 && pauseMs > 0) await sleep(pauseMs);
    chunk({ content: pieces[i] });
  }
  chunk({}, finish);
  const streamOptions = isObj(body.stream_options) ? body.stream_options : {};
  if (streamOptions.include_usage === true)
    send({
      id,
      object: 'chat.completion.chunk',
      created,
      model,
      system_fingerprint: 'fp_azure',
      choices: [],
      usage,
    });
  res.write('data: [DONE]\n\n');
  res.end();
}

function embeddings(res: ServerResponse, body: Obj, model: string) {
  const input = typeof body.input === 'string' ? [body.input] : Array.isArray(body.input) ? body.input : null;
  if (!input) return error(res, 400, 'BadRequest', "'input' is a required property", { param: 'input' });
  const dims = typeof body.dimensions === 'number' ? body.dimensions : 8;
  const data = input.map((text, index) => {
    const hash = createHash('sha256').update(String(text)).digest();
    const values = Array.from({ length: dims }, (_, i) => (hash[i % hash.length]! - 128) / 128);
    let embedding: number[] | string = values;
    if (body.encoding_format === 'base64') {
      const buf = Buffer.alloc(values.length * 4);
      for (let i = 0; i < values.length; i++) buf.writeFloatLE(values[i]!, i * 4);
      embedding = buf.toString('base64');
    }
    return { object: 'embedding', index, embedding };
  });
  const tokens = input.reduce((n: number, t) => n + Math.ceil(String(t).length / 4), 0);
  res.writeHead(200, { 'content-type': 'application/json' });
  res.end(
    JSON.stringify({ object: 'list', data, model, usage: { prompt_tokens: tokens, total_tokens: tokens } }),
  );
}

function error(res: ServerResponse, status: number, code: string, message: string, extra: Obj = {}) {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify({ error: { code, message, ...extra } }));
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}
