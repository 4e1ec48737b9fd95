import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { floatsToBase64 } from '@switchboard/shared/openai';
import { errorReply, invalidKey, type MockMode, parseModeHeader } from './modes.js';
import { parseMultipart } from './multipart.js';
import { embeddingOf, promptTokensOf, replyWords, shortId, speechBytes } from './replies.js';

export type { MockError, MockMode } from './modes.js';
export { REPLY_WORDS } from './replies.js';

/**
 * A mock OpenAI API on plain node:http, speaking OpenAI's wire format (JSON bodies, SSE frames,
 * error bodies) with deterministic replies and selectable faults. Tests and benchmarks start
 * one per upstream they need and inspect `requests` for exactly what the gateway sent.
 */
export interface MockOpenAIOptions {
  port?: number;
  host?: string;
  /** Accepted Bearer keys; empty or absent = any non-empty key. */
  keys?: string[];
  /** Server-wide mode at start. */
  mode?: MockMode;
  /** Record request bodies (default true; benchmarks turn it off). */
  record?: boolean;
  models?: string[];
  /**
   * `mistral`: chat speaks Mistral's variant (https://docs.mistral.ai/api/#tag/chat): fields it
   * does not list (`stream_options`, `max_completion_tokens`) are refused with 422
   * extra_forbidden, and a stream always carries usage, on its last (finish) chunk.
   */
  flavor?: 'openai' | 'mistral';
}

export interface RecordedRequest {
  method: string;
  path: string;
  headers: Record<string, string | string[] | undefined>;
  /** Parsed JSON body, or null for non-JSON. */
  body: Record<string, unknown> | null;
  raw: Buffer;
  key: string | null;
  at: number;
}

export interface MockOpenAI {
  url: string;
  /** Base URL as an OpenAI SDK `baseURL` (with /v1). */
  baseUrl: string;
  port: number;
  requests: RecordedRequest[];
  /** Sets the mode for the whole server, or for one upstream key. `null` clears. */
  setMode(mode: MockMode | null, scope?: { key?: string }): void;
  /** Count of requests per Bearer key (all keys when omitted). */
  hits(key?: string): number;
  /** Forgets recorded requests, hit counts and modes. */
  reset(): void;
  close(): Promise<void>;
}

const DEFAULT_MODELS = ['gpt-4o', 'gpt-4o-mini', 'text-embedding-3-small', 'dall-e-3', 'tts-1', 'whisper-1'];

export async function startMockOpenAI(opts: MockOpenAIOptions = {}): Promise<MockOpenAI> {
  let serverMode: MockMode | null = opts.mode ?? null;
  const keyModes = new Map<string, MockMode>();
  const requests: RecordedRequest[] = [];
  const hitCount = new Map<string, number>();
  const responses = new Map<string, Record<string, unknown>>();
  /** Per stored response: its SSE events (GET ?stream=true replays them) and input items. */
  const responseEvents = new Map<string, Array<{ event: string; data: string }>>();
  const responseInputs = new Map<string, Array<Record<string, unknown>>>();
  const sockets = new Set<Socket>();
  const record = opts.record !== false;
  const models = opts.models ?? DEFAULT_MODELS;

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      handle(req, res, Buffer.concat(chunks)).catch((err: unknown) => {
        if (!res.headersSent)
          json(res, 500, { error: { message: String(err), type: 'server_error', param: null, code: null } });
        else res.destroy();
      });
    });
  });
  server.keepAliveTimeout = 60_000;
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });

  async function handle(req: IncomingMessage, res: ServerResponse, raw: Buffer): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://mock');
    const path = url.pathname.replace(/^\/v1/, '');
    const auth = req.headers.authorization ?? '';
    const key = auth.startsWith('Bearer ') ? auth.slice(7) : null;
    const isJson = (req.headers['content-type'] ?? '').includes('application/json');
    let body: Record<string, unknown> | null = null;
    if (isJson && raw.length) {
      try {
        body = JSON.parse(raw.toString('utf8'));
      } catch {
        return json(
          res,
          400,
          oaiError('We could not parse the JSON body of your request.', 'invalid_request_error'),
        );
      }
    }
    if (record)
      requests.push({
        method: req.method ?? 'GET',
        path,
        headers: req.headers,
        body,
        raw,
        key,
        at: Date.now(),
      });
    if (key) hitCount.set(key, (hitCount.get(key) ?? 0) + 1);
    hitCount.set('*', (hitCount.get('*') ?? 0) + 1);

    if (!key || (opts.keys?.length && !opts.keys.includes(key))) {
      const r = invalidKey(key ? `${key.slice(0, 3)}*****${key.slice(-4)}` : '');
      if (!key) r.body.error.message = "You didn't provide an API key.";
      return json(res, r.status, r.body, r.headers);
    }
    const mode: MockMode = {
      ...(serverMode ?? {}),
      ...(keyModes.get(key) ?? {}),
      ...(parseModeHeader(req.headers['x-mock-mode']) ?? {}),
    };
    if (mode.delayMs) await sleep(mode.delayMs);
    if (mode.error === 'reset') {
      req.socket.destroy();
      return;
    }
    if (mode.error) {
      const r = errorReply(mode.error);
      return json(res, r.status, r.body, r.headers);
    }
    const method = req.method ?? 'GET';
    if (method === 'POST' && path === '/chat/completions') return chat(res, body ?? {}, mode);
    if (method === 'POST' && path === '/completions') return completions(res, body ?? {}, mode);
    if (method === 'POST' && path === '/embeddings') return embeddings(res, body ?? {}, mode);
    if (method === 'POST' && path === '/images/generations') return images(res, body ?? {});
    if (method === 'POST' && path === '/audio/speech') return speech(res, body ?? {});
    if (method === 'POST' && (path === '/audio/transcriptions' || path === '/audio/translations'))
      return transcription(res, raw, req.headers['content-type'] ?? '', mode);
    if (method === 'POST' && path === '/moderations') return moderation(res, body ?? {});
    if (method === 'POST' && path === '/responses') return createResponse(res, body ?? {}, mode);
    const respMatch = /^\/responses\/([^/]+)(\/input_items|\/cancel)?$/.exec(path);
    if (respMatch) {
      const id = decodeURIComponent(respMatch[1]!);
      const sub = respMatch[2] ?? '';
      const stored = responses.get(id);
      if (!stored)
        return json(res, 404, oaiError(`Response with id '${id}' not found.`, 'invalid_request_error'));
      if (method === 'GET' && sub === '' && url.searchParams.get('stream') === 'true') {
        const after = Number(url.searchParams.get('starting_after') ?? -1);
        const events = (responseEvents.get(id) ?? []).filter(
          (e) => JSON.parse(e.data).sequence_number > after,
        );
        return sse(res, events, mode, false);
      }
      if (method === 'GET' && sub === '') return json(res, 200, stored);
      if (method === 'DELETE' && sub === '') {
        responses.delete(id);
        return json(res, 200, { id, object: 'response.deleted', deleted: true });
      }
      if (method === 'GET' && sub === '/input_items') {
        // https://platform.openai.com/docs/api-reference/responses/input-items (newest first by default)
        const items = [...(responseInputs.get(id) ?? [])];
        if (url.searchParams.get('order') !== 'asc') items.reverse();
        return json(res, 200, {
          object: 'list',
          data: items,
          first_id: items[0]?.id ?? null,
          last_id: items.at(-1)?.id ?? null,
          has_more: false,
        });
      }
      if (method === 'POST' && sub === '/cancel') {
        // Only background responses can be cancelled.
        if (stored.background !== true)
          return json(res, 400, oaiError('Cannot cancel a synchronous response.', 'invalid_request_error'));
        stored.status = 'cancelled';
        return json(res, 200, stored);
      }
    }
    if (method === 'GET' && path === '/models')
      return json(res, 200, {
        object: 'list',
        data: models.map((id) => ({ id, object: 'model', created: 1_700_000_000, owned_by: 'mock' })),
      });
    if (method === 'GET' && path.startsWith('/models/')) {
      const id = decodeURIComponent(path.slice('/models/'.length));
      if (!models.includes(id))
        return json(
          res,
          404,
          oaiError(`The model '${id}' does not exist`, 'invalid_request_error', 'model_not_found'),
        );
      return json(res, 200, { id, object: 'model', created: 1_700_000_000, owned_by: 'mock' });
    }
    json(res, 404, oaiError(`Invalid URL (${method} ${url.pathname})`, 'invalid_request_error'));
  }

  async function chat(res: ServerResponse, body: Record<string, unknown>, mode: MockMode): Promise<void> {
    const mistral = opts.flavor === 'mistral';
    const extra = mistral ? MISTRAL_FORBIDDEN.filter((f) => f in body) : [];
    if (extra.length > 0)
      return json(res, 422, {
        object: 'error',
        message: {
          detail: extra.map((f) => ({
            type: 'extra_forbidden',
            loc: ['body', f],
            msg: 'Extra inputs are not permitted',
            input: body[f],
          })),
        },
        type: 'invalid_request_error',
        param: null,
        code: null,
      });
    const model = String(body.model ?? 'gpt-4o');
    const maxTokens = (body.max_completion_tokens ?? body.max_tokens) as number | undefined;
    const tools = Array.isArray(body.tools) && body.tools.length > 0 && body.tool_choice !== 'none';
    const promptTokens = promptTokensOf(body.messages);
    const { words, finish } = replyWords(maxTokens);
    const id = shortId('chatcmpl-', JSON.stringify(body));
    const created = 1_700_000_000;
    const toolName = tools
      ? String((body.tools as Array<{ function?: { name?: string } }>)[0]?.function?.name ?? 'tool')
      : '';
    const toolArgs = '{"echo":true}';
    const completionTokens = tools ? 5 : words.length;
    const usage = {
      prompt_tokens: promptTokens,
      completion_tokens: completionTokens,
      total_tokens: promptTokens + completionTokens,
      prompt_tokens_details: { cached_tokens: 0, audio_tokens: 0 },
      completion_tokens_details: {
        reasoning_tokens: 0,
        audio_tokens: 0,
        accepted_prediction_tokens: 0,
        rejected_prediction_tokens: 0,
      },
    };
    if (!body.stream) {
      const message = tools
        ? {
            role: 'assistant',
            content: null,
            tool_calls: [
              { id: 'call_mock1', type: 'function', function: { name: toolName, arguments: toolArgs } },
            ],
            refusal: null,
            annotations: [],
          }
        : { role: 'assistant', content: words.join(''), refusal: null, annotations: [] };
      return json(res, 200, {
        id,
        object: 'chat.completion',
        created,
        model,
        choices: [{ index: 0, message, logprobs: null, finish_reason: tools ? 'tool_calls' : finish }],
        ...(mode.noUsage ? {} : { usage }),
        service_tier: 'default',
        system_fingerprint: 'fp_mock',
      });
    }
    const includeUsage =
      !mode.noUsage &&
      (body.stream_options as { include_usage?: boolean } | undefined)?.include_usage === true;
    const base = {
      id,
      object: 'chat.completion.chunk',
      created,
      model,
      service_tier: 'default',
      system_fingerprint: 'fp_mock',
    };
    const u = includeUsage ? { usage: null } : {};
    const deltas: Array<Record<string, unknown>> = tools
      ? [
          {
            role: 'assistant',
            content: null,
            tool_calls: [
              { index: 0, id: 'call_mock1', type: 'function', function: { name: toolName, arguments: '' } },
            ],
            refusal: null,
          },
          { tool_calls: [{ index: 0, function: { arguments: '{"echo":' } }] },
          { tool_calls: [{ index: 0, function: { arguments: 'true}' } }] },
        ]
      : [{ role: 'assistant', content: '', refusal: null }, ...words.map((w) => ({ content: w }))];
    const frames: Array<Record<string, unknown>> = deltas.map((delta) => ({
      ...base,
      choices: [{ index: 0, delta, logprobs: null, finish_reason: null as string | null }],
      ...u,
    }));
    frames.push({
      ...base,
      choices: [{ index: 0, delta: {}, logprobs: null, finish_reason: tools ? 'tool_calls' : finish }],
      ...(mistral && !mode.noUsage ? { usage } : u),
    });
    if (includeUsage) frames.push({ ...base, choices: [], usage });
    await sse(
      res,
      frames.map((f) => ({ data: JSON.stringify(f) })),
      mode,
      true,
    );
  }

  async function completions(
    res: ServerResponse,
    body: Record<string, unknown>,
    mode: MockMode,
  ): Promise<void> {
    const model = String(body.model ?? 'gpt-3.5-turbo-instruct');
    const { words, finish } = replyWords(body.max_tokens as number | undefined);
    const promptTokens = promptTokensOf(body.prompt);
    const usage = {
      prompt_tokens: promptTokens,
      completion_tokens: words.length,
      total_tokens: promptTokens + words.length,
    };
    const id = shortId('cmpl-', JSON.stringify(body));
    const base = {
      id,
      object: 'text_completion',
      created: 1_700_000_000,
      model,
      system_fingerprint: 'fp_mock',
    };
    if (!body.stream)
      return json(res, 200, {
        ...base,
        choices: [{ text: words.join(''), index: 0, logprobs: null, finish_reason: finish }],
        ...(mode.noUsage ? {} : { usage }),
      });
    const includeUsage =
      !mode.noUsage &&
      (body.stream_options as { include_usage?: boolean } | undefined)?.include_usage === true;
    const frames: Array<Record<string, unknown>> = words.map((w, i) => ({
      ...base,
      choices: [{ text: w, index: 0, logprobs: null, finish_reason: i === words.length - 1 ? finish : null }],
      ...(includeUsage ? { usage: null } : {}),
    }));
    if (includeUsage) frames.push({ ...base, choices: [], usage });
    await sse(
      res,
      frames.map((f) => ({ data: JSON.stringify(f) })),
      mode,
      true,
    );
  }

  function embeddings(res: ServerResponse, body: Record<string, unknown>, mode: MockMode): void {
    const inputs = Array.isArray(body.input) && typeof body.input[0] !== 'number' ? body.input : [body.input];
    const dims = typeof body.dimensions === 'number' ? body.dimensions : 8;
    const base64 = body.encoding_format === 'base64';
    const promptTokens = promptTokensOf(inputs);
    json(res, 200, {
      object: 'list',
      data: inputs.map((input, index) => {
        const v = embeddingOf(input, dims);
        return { object: 'embedding', index, embedding: base64 ? floatsToBase64(v) : v };
      }),
      model: String(body.model ?? 'text-embedding-3-small'),
      ...(mode.noUsage ? {} : { usage: { prompt_tokens: promptTokens, total_tokens: promptTokens } }),
    });
  }

  function images(res: ServerResponse, body: Record<string, unknown>): void {
    const n = typeof body.n === 'number' ? body.n : 1;
    const b64 = body.response_format === 'b64_json';
    json(res, 200, {
      created: 1_700_000_000,
      data: Array.from({ length: n }, (_, i) =>
        b64
          ? {
              b64_json: Buffer.from(`image-${i}`).toString('base64'),
              revised_prompt: String(body.prompt ?? ''),
            }
          : { url: `https://images.mock.invalid/img-${i}.png`, revised_prompt: String(body.prompt ?? '') },
      ),
    });
  }

  function speech(res: ServerResponse, body: Record<string, unknown>): void {
    const bytes = speechBytes(String(body.input ?? ''));
    const format = String(body.response_format ?? 'mp3');
    const type = format === 'mp3' ? 'audio/mpeg' : format === 'wav' ? 'audio/wav' : `audio/${format}`;
    res.writeHead(200, { 'content-type': type, 'content-length': bytes.length });
    res.end(bytes);
  }

  function transcription(res: ServerResponse, raw: Buffer, contentType: string, mode: MockMode): void {
    const parts = parseMultipart(raw, contentType);
    const field = (n: string) =>
      parts.find((p) => p.name === n && p.filename === null)?.data.toString('utf8');
    const file = parts.find((p) => p.name === 'file');
    if (!file || !field('model')) {
      json(res, 400, oaiError('You must provide a model and a file.', 'invalid_request_error'));
      return;
    }
    const text = `Transcribed ${file.data.length} bytes from ${file.filename ?? 'audio'}.`;
    const seconds = Math.max(1, Math.ceil(file.data.length / 16_000));
    if (field('response_format') === 'text') {
      res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' });
      res.end(text);
      return;
    }
    json(res, 200, { text, ...(mode.noUsage ? {} : { usage: { type: 'duration', seconds } }) });
  }

  function moderation(res: ServerResponse, body: Record<string, unknown>): void {
    const inputs = Array.isArray(body.input) ? body.input : [body.input];
    const categories = ['harassment', 'hate', 'self-harm', 'sexual', 'violence'];
    json(res, 200, {
      id: shortId('modr-', JSON.stringify(body)),
      model: String(body.model ?? 'omni-moderation-latest'),
      results: inputs.map((input) => {
        const flagged = String(input).toLowerCase().includes('kill');
        return {
          flagged,
          categories: Object.fromEntries(categories.map((c) => [c, flagged && c === 'violence'])),
          category_scores: Object.fromEntries(
            categories.map((c) => [c, flagged && c === 'violence' ? 0.9 : 0.001]),
          ),
        };
      }),
    });
  }

  async function createResponse(
    res: ServerResponse,
    body: Record<string, unknown>,
    mode: MockMode,
  ): Promise<void> {
    const prev = typeof body.previous_response_id === 'string' ? body.previous_response_id : null;
    if (prev && !responses.has(prev))
      return json(
        res,
        404,
        oaiError(
          `Previous response with id '${prev}' not found.`,
          'invalid_request_error',
          null,
          'previous_response_id',
        ),
      );
    const model = String(body.model ?? 'gpt-4o');
    const { words, finish } = replyWords(body.max_output_tokens as number | undefined);
    const inputTokens = promptTokensOf(body.input);
    const id = `resp_${shortId('', `${JSON.stringify(body)}${responses.size}${Date.now()}`)}`;
    const msgId = `msg_${id.slice(5)}`;
    const text = words.join('');
    const usage = {
      input_tokens: inputTokens,
      input_tokens_details: { cached_tokens: 0 },
      output_tokens: words.length,
      output_tokens_details: { reasoning_tokens: 0 },
      total_tokens: inputTokens + words.length,
    };
    const message = {
      id: msgId,
      type: 'message',
      status: 'completed',
      role: 'assistant',
      content: [{ type: 'output_text', text, annotations: [] }],
    };
    const full = {
      id,
      object: 'response',
      created_at: 1_700_000_000,
      status: finish === 'length' ? 'incomplete' : 'completed',
      // The Response object always has these two; incomplete_details says why it stopped.
      error: null,
      incomplete_details: finish === 'length' ? { reason: 'max_output_tokens' } : null,
      model,
      output: [message],
      previous_response_id: prev,
      usage: mode.noUsage ? null : usage,
      store: body.store !== false,
      background: body.background === true,
    };
    const inProgress = { ...full, status: 'in_progress', output: [], usage: null };
    let seq = 0;
    const ev = (type: string, rest: Record<string, unknown>) => ({
      event: type,
      data: JSON.stringify({ type, sequence_number: seq++, ...rest }),
    });
    const events = [
      ev('response.created', { response: inProgress }),
      ev('response.in_progress', { response: inProgress }),
      ev('response.output_item.added', {
        output_index: 0,
        item: { ...message, status: 'in_progress', content: [] },
      }),
      ev('response.content_part.added', {
        item_id: msgId,
        output_index: 0,
        content_index: 0,
        part: { type: 'output_text', text: '', annotations: [] },
      }),
      ...words.map((delta) =>
        ev('response.output_text.delta', {
          item_id: msgId,
          output_index: 0,
          content_index: 0,
          delta,
          logprobs: [],
        }),
      ),
      ev('response.output_text.done', {
        item_id: msgId,
        output_index: 0,
        content_index: 0,
        text,
        logprobs: [],
      }),
      ev('response.content_part.done', {
        item_id: msgId,
        output_index: 0,
        content_index: 0,
        part: message.content[0],
      }),
      ev('response.output_item.done', { output_index: 0, item: message }),
      ev(finish === 'length' ? 'response.incomplete' : 'response.completed', { response: full }),
    ];
    if (body.store !== false) {
      responses.set(id, full);
      responseEvents.set(id, events);
      responseInputs.set(id, inputItems(body.input, id));
    }
    if (!body.stream) return json(res, 200, full);
    await sse(res, events, mode, false);
  }

  /** Writes SSE frames; `content` chunks are counted for pause/drop modes. */
  async function sse(
    res: ServerResponse,
    frames: Array<{ event?: string; data: string }>,
    mode: MockMode,
    done: boolean,
  ): Promise<void> {
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache',
      connection: 'keep-alive',
    });
    let closed = false;
    res.on('close', () => {
      closed = true;
    });
    for (let i = 0; i < frames.length; i++) {
      if (closed) return;
      if (mode.dropAfterChunks !== undefined && i === mode.dropAfterChunks) {
        // Let the frames already written leave (http corks writes until the next tick).
        await sleep(20);
        res.socket?.destroy();
        return;
      }
      if (mode.pauseAfterChunks !== undefined && i === mode.pauseAfterChunks && mode.pauseMs)
        await sleep(mode.pauseMs);
      else if (mode.chunkDelayMs && i > 0) await sleep(mode.chunkDelayMs);
      const f = frames[i]!;
      res.write(`${f.event ? `event: ${f.event}\n` : ''}data: ${f.data}\n\n`);
    }
    if (closed) return;
    if (done) res.write('data: [DONE]\n\n');
    res.end();
  }

  await new Promise<void>((resolve) => server.listen(opts.port ?? 0, opts.host ?? '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    baseUrl: `${url}/v1`,
    port,
    requests,
    setMode(mode, scope) {
      if (scope?.key) {
        if (mode) keyModes.set(scope.key, mode);
        else keyModes.delete(scope.key);
      } else serverMode = mode;
    },
    hits: (key) => hitCount.get(key ?? '*') ?? 0,
    reset() {
      requests.length = 0;
      hitCount.clear();
      keyModes.clear();
      serverMode = opts.mode ?? null;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

/** A response's input as stored input items (a string input is one user message). */
function inputItems(input: unknown, responseId: string): Array<Record<string, unknown>> {
  const list =
    typeof input === 'string' ? [{ role: 'user', content: input }] : Array.isArray(input) ? input : [];
  return list.map((item: Record<string, unknown>, i) => {
    const content =
      typeof item.content === 'string' ? [{ type: 'input_text', text: item.content }] : item.content;
    return {
      type: 'message',
      status: 'completed',
      ...item,
      content,
      id: `msg_in${i}_${responseId.slice(5)}`,
    };
  });
}

/** Fields Mistral's chat API refuses (it validates bodies with extra="forbid"). */
const MISTRAL_FORBIDDEN = ['stream_options', 'max_completion_tokens'];

function oaiError(message: string, type: string, code: string | null = null, param: string | null = null) {
  return { error: { message, type, param, code } };
}

function json(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(text),
    ...headers,
  });
  res.end(text);
}
