import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * Mock of Anthropic's Messages API, version 2023-06-01 (https://docs.anthropic.com/en/api/messages,
 * /messages-streaming, /errors): POST /v1/messages and GET /v1/models. It checks `x-api-key` and
 * `anthropic-version` itself, validates bodies the way the real API does (max_tokens required,
 * user/assistant only and alternating, non-empty text blocks, tool_result answering the previous
 * tool_use, no unknown top-level fields), answers deterministically from the request, streams
 * the documented SSE sequence, and fails on demand in Anthropic's error shape.
 */
export type AnthropicMockMode =
  | 'ok'
  | 'unauthorized'
  | 'rate_limit'
  | 'overloaded'
  | 'credit_exhausted'
  | 'server_error'
  | 'stream_error'
  | 'stream_error_first'
  | 'pause';

export interface AnthropicMockOptions {
  /** Pause before the second content delta in 'pause' mode, ms. */
  pauseMs?: number;
  cacheReadTokens?: number;
  cacheWriteTokens?: number;
}

export interface RecordedRequest {
  method: string;
  path: string;
  headers: Record<string, string | string[] | undefined>;
  body: unknown;
}

export interface AnthropicMock {
  url: string;
  apiKey: string;
  requests: RecordedRequest[];
  setMode(mode: AnthropicMockMode, options?: AnthropicMockOptions): void;
  close(): Promise<void>;
}

const TOP_LEVEL = new Set([
  'model',
  'messages',
  'max_tokens',
  'system',
  'stream',
  'temperature',
  'top_p',
  'top_k',
  'stop_sequences',
  'tools',
  'tool_choice',
  'metadata',
  'thinking',
  'service_tier',
  'container',
  'mcp_servers',
]);
const IMAGE_TYPES = new Set(['image/jpeg', 'image/png', 'image/gif', 'image/webp']);

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

class InvalidRequest extends Error {}

export async function startAnthropicMock(
  opts: { apiKey?: string; port?: number } = {},
): Promise<AnthropicMock> {
  const apiKey = opts.apiKey ?? `sk-ant-test-${randomBytes(8).toString('hex')}`;
  const requests: RecordedRequest[] = [];
  let mode: AnthropicMockMode = 'ok';
  let options: AnthropicMockOptions = {};

  const server = createServer(async (req, res) => {
    const raw = await readBody(req);
    const url = new URL(req.url ?? '/', 'http://mock');
    const body = raw.length > 0 ? safeJson(raw) : undefined;
    requests.push({ method: req.method ?? '', path: url.pathname + url.search, headers: req.headers, body });

    if (req.headers['x-api-key'] !== apiKey)
      return error(res, 401, 'authentication_error', 'invalid x-api-key');
    if (!req.headers['anthropic-version'])
      return error(res, 400, 'invalid_request_error', 'anthropic-version: header is required');
    if (!['2023-06-01', '2023-01-01'].includes(String(req.headers['anthropic-version'])))
      return error(res, 400, 'invalid_request_error', 'anthropic-version: invalid version');
    if (req.method === 'GET' && url.pathname === '/v1/models') return models(res);
    if (req.method !== 'POST' || url.pathname !== '/v1/messages')
      return error(res, 404, 'not_found_error', 'Not found');

    if (mode === 'unauthorized') return error(res, 401, 'authentication_error', 'invalid x-api-key');
    if (mode === 'rate_limit') {
      res.setHeader('retry-after', '1');
      return error(
        res,
        429,
        'rate_limit_error',
        'Number of request tokens has exceeded your per-minute rate limit',
      );
    }
    if (mode === 'overloaded') return error(res, 529, 'overloaded_error', 'Overloaded');
    if (mode === 'server_error') return error(res, 500, 'api_error', 'Internal server error');
    if (mode === 'credit_exhausted')
      return error(
        res,
        400,
        'invalid_request_error',
        'Your credit balance is too low to access the Anthropic API. Please go to Plans & Billing to upgrade or purchase credits.',
      );

    if (body === undefined)
      return error(
        res,
        400,
        'invalid_request_error',
        'There was an issue with the form of your HTTP request.',
      );
    try {
      validate(body);
    } catch (e) {
      if (e instanceof InvalidRequest) return error(res, 400, 'invalid_request_error', e.message);
      throw e;
    }
    const reply = answer(body as Obj, options);
    if ((body as Obj).stream === true) return stream(res, reply, mode, options);
    res.writeHead(200, {
      'content-type': 'application/json',
      'request-id': `req_${randomBytes(6).toString('hex')}`,
    });
    res.end(JSON.stringify(reply.message));
  });

  await new Promise<void>((resolve) => server.listen(opts.port ?? 0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    apiKey,
    requests,
    setMode(m, o = {}) {
      mode = m;
      options = o;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function validate(body: unknown): void {
  if (!isObj(body)) throw new InvalidRequest('body: Input should be an object');
  for (const k of Object.keys(body))
    if (!TOP_LEVEL.has(k)) throw new InvalidRequest(`${k}: Extra inputs are not permitted`);
  if (typeof body.model !== 'string') throw new InvalidRequest('model: Field required');
  if (body.max_tokens === undefined) throw new InvalidRequest('max_tokens: Field required');
  if (!Number.isInteger(body.max_tokens) || (body.max_tokens as number) < 1)
    throw new InvalidRequest('max_tokens: Input should be greater than or equal to 1');
  if (typeof body.temperature === 'number' && (body.temperature < 0 || body.temperature > 1))
    throw new InvalidRequest('temperature: Input should be less than or equal to 1');
  // Claude Opus 4.1 and the 4.5+ models take one sampling parameter, not both.
  if (
    body.temperature !== undefined &&
    body.top_p !== undefined &&
    /^claude-(?:opus-4-1|(?:opus|sonnet|haiku)-4-[5-9])/.test(String(body.model))
  )
    throw new InvalidRequest(
      '`temperature` and `top_p` cannot both be specified for this model. Please use only one.',
    );
  if (
    body.thinking !== undefined &&
    (!isObj(body.thinking) || !['enabled', 'disabled'].includes(String(body.thinking.type)))
  )
    throw new InvalidRequest('thinking: Input should be a valid dictionary or object to extract fields from');
  if (body.system !== undefined && typeof body.system !== 'string') {
    if (!Array.isArray(body.system))
      throw new InvalidRequest('system: Input should be a valid string or list');
    for (const b of body.system)
      if (!isObj(b) || b.type !== 'text') throw new InvalidRequest('system: blocks must be text');
  }
  if (!Array.isArray(body.messages) || body.messages.length === 0)
    throw new InvalidRequest('messages: at least one message is required');
  let prevRole = '';
  let pendingToolUse: string[] = [];
  body.messages.forEach((m, i) => {
    if (!isObj(m)) throw new InvalidRequest(`messages.${i}: Input should be an object`);
    if (m.role !== 'user' && m.role !== 'assistant')
      throw new InvalidRequest(
        `messages.${i}.role: Unexpected role "${String(m.role)}". The Messages API accepts a top-level \`system\` parameter, not "system" as an input message role.`,
      );
    if (m.role === prevRole)
      throw new InvalidRequest('messages: roles must alternate between "user" and "assistant"');
    prevRole = m.role;
    const blocks = typeof m.content === 'string' ? [{ type: 'text', text: m.content }] : m.content;
    if (!Array.isArray(blocks) || blocks.length === 0)
      throw new InvalidRequest(`messages.${i}: content must be non-empty`);
    const toolResults: string[] = [];
    const toolUses: string[] = [];
    for (const b of blocks) {
      if (!isObj(b)) throw new InvalidRequest(`messages.${i}.content: Input should be an object`);
      if (b.type === 'text' && (typeof b.text !== 'string' || b.text === ''))
        throw new InvalidRequest('messages: text content blocks must be non-empty');
      if (b.type === 'image') {
        const src = isObj(b.source) ? b.source : {};
        if (src.type === 'base64' && !IMAGE_TYPES.has(String(src.media_type)))
          throw new InvalidRequest(
            `messages.${i}: image media_type must be one of image/jpeg, image/png, image/gif, image/webp`,
          );
        if (src.type !== 'base64' && src.type !== 'url')
          throw new InvalidRequest(`messages.${i}: image source type invalid`);
      }
      if (b.type === 'tool_use') {
        if (m.role !== 'assistant')
          throw new InvalidRequest('tool_use blocks are only allowed in assistant messages');
        toolUses.push(String(b.id));
      }
      if (b.type === 'tool_result') toolResults.push(String(b.tool_use_id));
    }
    for (const id of toolResults)
      if (!pendingToolUse.includes(id))
        throw new InvalidRequest(
          `messages.${i}.content: unexpected \`tool_use_id\` found in \`tool_result\` blocks: ${id}. Each \`tool_result\` block must have a corresponding \`tool_use\` block in the previous message.`,
        );
    if (m.role === 'user' && pendingToolUse.some((id) => !toolResults.includes(id)))
      throw new InvalidRequest(
        'messages: `tool_use` ids were found without `tool_result` blocks immediately after',
      );
    pendingToolUse = toolUses;
  });
}

interface Reply {
  message: Obj;
  /** The pieces streamed as text deltas or tool input JSON. */
  pieces: string[];
  toolUse: { id: string; name: string } | null;
}

function answer(body: Obj, options: AnthropicMockOptions): Reply {
  const messages = body.messages as Obj[];
  const last = messages[messages.length - 1]!;
  const blocks =
    typeof last.content === 'string' ? [{ type: 'text', text: last.content }] : (last.content as Obj[]);
  const toolResult = blocks.find((b) => b.type === 'tool_result');
  const tools = Array.isArray(body.tools) ? (body.tools as Obj[]) : [];
  const choice = isObj(body.tool_choice) ? body.tool_choice : {};
  const inputTokens = Math.ceil(JSON.stringify([body.system ?? '', messages]).length / 4);
  const usage = {
    input_tokens: inputTokens,
    cache_creation_input_tokens: options.cacheWriteTokens ?? 0,
    cache_read_input_tokens: options.cacheReadTokens ?? 0,
    output_tokens: 0,
  };
  const id = `msg_${randomBytes(8).toString('hex')}`;
  const base = { id, type: 'message', role: 'assistant', model: body.model, stop_sequence: null };

  if (tools.length > 0 && !toolResult && choice.type !== 'none') {
    const tool = (choice.type === 'tool' ? tools.find((t) => t.name === choice.name) : tools[0]) ?? tools[0]!;
    const input = sampleInput(tool.input_schema);
    const json = JSON.stringify(input);
    const toolUse = { id: `toolu_${randomBytes(8).toString('hex')}`, name: String(tool.name) };
    usage.output_tokens = 20;
    return {
      message: {
        ...base,
        content: [{ type: 'tool_use', ...toolUse, input }],
        stop_reason: 'tool_use',
        usage,
      },
      pieces: [json.slice(0, Math.ceil(json.length / 2)), json.slice(Math.ceil(json.length / 2))],
      toolUse,
    };
  }
  const said = toolResult ? `Tool said: ${resultText(toolResult)}` : `You said: ${lastText(blocks)}`;
  const images = messages
    .flatMap((m) => (Array.isArray(m.content) ? (m.content as Obj[]) : []))
    .filter((b) => b.type === 'image');
  let text = `Hello! ${said}${images.length > 0 ? ` (${images.length} image${images.length > 1 ? 's' : ''})` : ''}`;
  const pieces = text.split(/(?<= )/);
  const maxTokens = body.max_tokens as number;
  let stop = 'end_turn';
  if (pieces.length > maxTokens) {
    pieces.length = maxTokens;
    text = pieces.join('');
    stop = 'max_tokens';
  }
  usage.output_tokens = pieces.length;
  return {
    message: { ...base, content: [{ type: 'text', text }], stop_reason: stop, usage },
    pieces,
    toolUse: null,
  };
}

function lastText(blocks: Obj[]): string {
  return blocks
    .filter((b) => b.type === 'text')
    .map((b) => String(b.text))
    .join(' ');
}

function resultText(block: Obj): string {
  if (typeof block.content === 'string') return block.content;
  return Array.isArray(block.content) ? lastText(block.content as Obj[]) : '';
}

function sampleInput(schema: unknown): Obj {
  const out: Obj = {};
  const props = isObj(schema) && isObj(schema.properties) ? schema.properties : {};
  for (const [name, p] of Object.entries(props)) {
    const type = isObj(p) ? p.type : 'string';
    out[name] = type === 'number' || type === 'integer' ? 1 : type === 'boolean' ? true : 'Paris';
  }
  return out;
}

async function stream(
  res: ServerResponse,
  reply: Reply,
  mode: AnthropicMockMode,
  options: AnthropicMockOptions,
) {
  res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache' });
  const send = (event: string, data: Obj) => res.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
  if (mode === 'stream_error_first') {
    // Overload can also surface as an error event right after the 200.
    send('error', { type: 'error', error: { type: 'overloaded_error', message: 'Overloaded' } });
    return res.end();
  }
  const msg = reply.message;
  const usage = msg.usage as Obj;
  send('message_start', {
    type: 'message_start',
    message: { ...msg, content: [], stop_reason: null, usage: { ...usage, output_tokens: 1 } },
  });
  const block = reply.toolUse
    ? { type: 'tool_use', id: reply.toolUse.id, name: reply.toolUse.name, input: {} }
    : { type: 'text', text: '' };
  send('content_block_start', { type: 'content_block_start', index: 0, content_block: block });
  send('ping', { type: 'ping' });
  for (let i = 0; i < reply.pieces.length; i++) {
    if (i === 1 && mode === 'pause') await sleep(options.pauseMs ?? 1000);
    if (i === 1 && mode === 'stream_error') {
      send('error', { type: 'error', error: { type: 'overloaded_error', message: 'Overloaded' } });
      return res.end();
    }
    const delta = reply.toolUse
      ? { type: 'input_json_delta', partial_json: reply.pieces[i] }
      : { type: 'text_delta', text: reply.pieces[i] };
    send('content_block_delta', { type: 'content_block_delta', index: 0, delta });
  }
  send('content_block_stop', { type: 'content_block_stop', index: 0 });
  send('message_delta', {
    type: 'message_delta',
    delta: { stop_reason: msg.stop_reason, stop_sequence: null },
    usage: { output_tokens: usage.output_tokens },
  });
  send('message_stop', { type: 'message_stop' });
  res.end();
}

function models(res: ServerResponse) {
  const data = ['claude-sonnet-4-20250514', 'claude-3-5-haiku-20241022'].map((id) => ({
    type: 'model',
    id,
    display_name: id,
    created_at: '2025-05-22T00:00:00Z',
  }));
  res.writeHead(200, { 'content-type': 'application/json' });
  res.end(JSON.stringify({ data, has_more: false, first_id: data[0]!.id, last_id: data[1]!.id }));
}

/** Anthropic's error shape (docs /en/api/errors): the request id is in the body and the header. */
function error(res: ServerResponse, status: number, type: string, message: string) {
  const requestId = `req_${randomBytes(6).toString('hex')}`;
  res.writeHead(status, { 'content-type': 'application/json', 'request-id': requestId });
  res.end(JSON.stringify({ type: 'error', error: { type, message }, request_id: requestId }));
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function safeJson(raw: Buffer): unknown {
  try {
    return JSON.parse(raw.toString('utf8'));
  } catch {
    return undefined;
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}
