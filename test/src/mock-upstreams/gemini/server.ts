import { createHash, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * Mock of the Gemini API v1beta (https://ai.google.dev/api): POST
 * /v1beta/models/{model}:generateContent, :streamGenerateContent (?alt=sse → `data:` lines of
 * GenerateContentResponse separated by CRLF CRLF, as Google sends them; without alt a JSON
 * array), :embedContent, :batchEmbedContents and GET /v1beta/models. Checks the key itself
 * (`x-goog-api-key` header or `key` query; a wrong key is Google's 400 API_KEY_INVALID),
 * rejects unknown fields and roles the way the API does, checks that function responses answer
 * the previous turn's calls, and fails on demand in Google's error shape.
 */
export type GeminiMockMode =
  | 'ok'
  | 'rate_limit'
  | 'daily_quota'
  | 'billing'
  | 'overloaded'
  | 'server_error'
  | 'safety'
  | 'blocked_prompt'
  | 'stream_error'
  | 'pause';

export interface GeminiMockOptions {
  pauseMs?: number;
  thoughtsTokens?: number;
  cachedTokens?: number;
}

export interface RecordedRequest {
  method: string;
  path: string;
  headers: Record<string, string | string[] | undefined>;
  body: unknown;
}

export interface GeminiMock {
  url: string;
  apiKey: string;
  requests: RecordedRequest[];
  setMode(mode: GeminiMockMode, options?: GeminiMockOptions): void;
  close(): Promise<void>;
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Proto JSON accepts lowerCamel and snake_case names alike. */
const camel = (s: string) => s.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
const REQUEST_FIELDS = new Set([
  'contents',
  'systemInstruction',
  'generationConfig',
  'tools',
  'toolConfig',
  'safetySettings',
  'cachedContent',
  'labels',
]);
const GENERATION_FIELDS = new Set([
  'stopSequences',
  'responseMimeType',
  'responseSchema',
  'responseJsonSchema',
  'responseModalities',
  'candidateCount',
  'maxOutputTokens',
  'temperature',
  'topP',
  'topK',
  'seed',
  'presencePenalty',
  'frequencyPenalty',
  'responseLogprobs',
  'logprobs',
  'thinkingConfig',
  'mediaResolution',
  'speechConfig',
]);
const PART_FIELDS = new Set([
  'text',
  'inlineData',
  'fileData',
  'functionCall',
  'functionResponse',
  'executableCode',
  'codeExecutionResult',
]);

class GoogleError extends Error {
  constructor(
    readonly code: number,
    readonly status: string,
    message: string,
    readonly details: unknown[] = [],
  ) {
    super(message);
  }
}

export async function startGeminiMock(opts: { apiKey?: string; port?: number } = {}): Promise<GeminiMock> {
  const apiKey = opts.apiKey ?? `AIzaTest${randomBytes(12).toString('hex')}`;
  const requests: RecordedRequest[] = [];
  let mode: GeminiMockMode = 'ok';
  let options: GeminiMockOptions = {};

  const server = createServer(async (req, res) => {
    const raw = await readBody(req);
    const url = new URL(req.url ?? '/', 'http://mock');
    let body: unknown;
    try {
      body = raw.length > 0 ? JSON.parse(raw.toString('utf8')) : undefined;
    } catch {
      body = Symbol.for('invalid');
    }
    requests.push({ method: req.method ?? '', path: url.pathname + url.search, headers: req.headers, body });
    try {
      const key = req.headers['x-goog-api-key'] ?? url.searchParams.get('key');
      if (!key)
        throw new GoogleError(
          403,
          'PERMISSION_DENIED',
          "Method doesn't allow unregistered callers (callers without established identity). Please use API Key or other form of API consumer identity to call this API.",
        );
      if (key !== apiKey)
        throw new GoogleError(400, 'INVALID_ARGUMENT', 'API key not valid. Please pass a valid API key.', [
          {
            '@type': 'type.googleapis.com/google.rpc.ErrorInfo',
            reason: 'API_KEY_INVALID',
            domain: 'googleapis.com',
            metadata: { service: 'generativelanguage.googleapis.com' },
          },
        ]);
      if (req.method === 'GET' && url.pathname === '/v1beta/models') return listModels(res, url);
      const m =
        /^\/v1beta\/models\/([^/:]+):(generateContent|streamGenerateContent|embedContent|batchEmbedContents)$/.exec(
          url.pathname,
        );
      if (req.method !== 'POST' || !m)
        throw new GoogleError(404, 'NOT_FOUND', `Requested entity was not found.`);
      if (typeof body === 'symbol')
        throw new GoogleError(400, 'INVALID_ARGUMENT', 'Invalid JSON payload received.');
      failOnDemand(mode);
      const model = decodeURIComponent(m[1]!);
      const method = m[2]!;
      if (method === 'embedContent') return json(res, { embedding: embed(body, model) });
      if (method === 'batchEmbedContents') return json(res, { embeddings: batchEmbed(body, model) });
      const request = normalize(body);
      validate(request, model);
      const reply = answer(request, model, mode, options);
      if (method === 'generateContent') return json(res, reply.full);
      return stream(res, reply, url.searchParams.get('alt') === 'sse', mode, options);
    } catch (e) {
      if (!(e instanceof GoogleError)) throw e;
      res.writeHead(e.code, { 'content-type': 'application/json; charset=UTF-8' });
      res.end(
        JSON.stringify({ error: { code: e.code, message: e.message, status: e.status, details: e.details } }),
      );
    }
  });

  await new Promise<void>((resolve) => server.listen(opts.port ?? 0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    apiKey,
    requests,
    setMode(mm, o = {}) {
      mode = mm;
      options = o;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function failOnDemand(mode: GeminiMockMode): void {
  const quota = (quotaId: string) => [
    {
      '@type': 'type.googleapis.com/google.rpc.QuotaFailure',
      violations: [{ quotaMetric: 'generativelanguage.googleapis.com/generate_content_requests', quotaId }],
    },
    { '@type': 'type.googleapis.com/google.rpc.RetryInfo', retryDelay: '21s' },
  ];
  const exceeded =
    'You exceeded your current quota, please check your plan and billing details. For more information on this error, head to: https://ai.google.dev/gemini-api/docs/rate-limits.';
  if (mode === 'rate_limit')
    throw new GoogleError(
      429,
      'RESOURCE_EXHAUSTED',
      exceeded,
      quota('GenerateRequestsPerMinutePerProjectPerModel'),
    );
  if (mode === 'daily_quota')
    throw new GoogleError(
      429,
      'RESOURCE_EXHAUSTED',
      exceeded,
      quota('GenerateRequestsPerDayPerProjectPerModel-FreeTier'),
    );
  if (mode === 'billing')
    throw new GoogleError(
      429,
      'RESOURCE_EXHAUSTED',
      'Your prepayment credits are depleted. Please go to AI Studio at https://ai.studio/projects to manage your project and billing.',
    );
  if (mode === 'overloaded')
    throw new GoogleError(503, 'UNAVAILABLE', 'The model is overloaded. Please try again later.');
  if (mode === 'server_error')
    throw new GoogleError(
      500,
      'INTERNAL',
      'An internal error has occurred. Please retry or report in https://developers.generativeai.google/guide/troubleshooting',
    );
}

/** snake_case → lowerCamel for every key, as the API's JSON parser does. */
function normalize(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(normalize);
  if (!isObj(v)) return v;
  const out: Obj = {};
  for (const [k, val] of Object.entries(v)) {
    // Schemas are user data: their keys are not renamed.
    const ck = camel(k);
    out[ck] = ['parametersJsonSchema', 'responseJsonSchema', 'args', 'response'].includes(ck)
      ? val
      : normalize(val);
  }
  return out;
}

function validate(body: unknown, model: string): asserts body is Obj {
  const bad = (msg: string): GoogleError => new GoogleError(400, 'INVALID_ARGUMENT', msg);
  if (!isObj(body)) throw bad('Invalid JSON payload received.');
  for (const k of Object.keys(body))
    if (!REQUEST_FIELDS.has(k))
      throw bad(`Invalid JSON payload received. Unknown name "${k}": Cannot find field.`);
  if (isObj(body.generationConfig))
    for (const k of Object.keys(body.generationConfig))
      if (!GENERATION_FIELDS.has(k))
        throw bad(
          `Invalid JSON payload received. Unknown name "${k}" at 'generation_config': Cannot find field.`,
        );
  if (!Array.isArray(body.contents) || body.contents.length === 0)
    throw bad('* GenerateContentRequest.contents: contents is not specified\n');
  // Gemini 2.5+ refuse non-zero penalties (only the 2.0 models take them).
  const gen = isObj(body.generationConfig) ? body.generationConfig : {};
  if (
    /gemini-(?:2\.5|[3-9])/.test(model) &&
    ((typeof gen.presencePenalty === 'number' && gen.presencePenalty !== 0) ||
      (typeof gen.frequencyPenalty === 'number' && gen.frequencyPenalty !== 0))
  )
    throw bad(`Penalty is not enabled for models/${model}`);
  let previousCalls = 0;
  body.contents.forEach((c, i) => {
    if (!isObj(c)) throw bad(`contents[${i}]: must be an object`);
    if (c.role !== undefined && c.role !== 'user' && c.role !== 'model')
      throw bad('Please use a valid role: user, model.');
    if (!Array.isArray(c.parts) || c.parts.length === 0)
      throw bad(`* GenerateContentRequest.contents[${i}].parts: contents.parts must not be empty.\n`);
    let calls = 0;
    let responses = 0;
    for (const p of c.parts) {
      if (!isObj(p)) throw bad(`contents[${i}].parts: must be objects`);
      const data = Object.keys(p).filter((k) => PART_FIELDS.has(k));
      for (const k of Object.keys(p))
        if (!PART_FIELDS.has(k) && k !== 'thought' && k !== 'thoughtSignature')
          throw bad(
            `Invalid JSON payload received. Unknown name "${k}" at 'contents[${i}].parts[0]': Cannot find field.`,
          );
      if (data.length !== 1)
        throw bad(`* GenerateContentRequest.contents[${i}].parts: contents.parts must have one data field`);
      if (isObj(p.inlineData) && (typeof p.inlineData.data !== 'string' || !p.inlineData.mimeType))
        throw bad('inline_data requires mime_type and data');
      if (isObj(p.functionCall)) calls++;
      if (isObj(p.functionResponse)) {
        responses++;
        if (!p.functionResponse.name)
          throw bad(
            `* GenerateContentRequest.contents[${i}].parts: function_response.name: Name cannot be empty.\n`,
          );
        if (!isObj(p.functionResponse.response)) throw bad('function_response.response must be an object');
      }
    }
    if (responses > 0 && responses !== previousCalls)
      throw bad(
        'Please ensure that the number of function response parts is equal to the number of function call parts of the function call turn.',
      );
    previousCalls = calls;
  });
  for (const t of Array.isArray(body.tools) ? body.tools : [])
    for (const d of isObj(t) && Array.isArray(t.functionDeclarations) ? t.functionDeclarations : [])
      if (isObj(d) && d.parameters !== undefined && d.parametersJsonSchema !== undefined)
        throw bad('parameters and parameters_json_schema are mutually exclusive');
}

interface Reply {
  full: Obj;
  /** Per-event candidate parts for streaming. */
  pieces: Obj[];
  finishReason: string;
  usage: Obj;
  blocked: boolean;
}

function answer(body: Obj, model: string, mode: GeminiMockMode, options: GeminiMockOptions): Reply {
  const contents = body.contents as Obj[];
  const last = contents[contents.length - 1]!;
  const parts = last.parts as Obj[];
  const fnResponse = parts.find((p) => isObj(p.functionResponse))?.functionResponse as Obj | undefined;
  const decls = (Array.isArray(body.tools) ? (body.tools as Obj[]) : []).flatMap((t) =>
    Array.isArray(t.functionDeclarations) ? (t.functionDeclarations as Obj[]) : [],
  );
  const fcc =
    isObj(body.toolConfig) && isObj(body.toolConfig.functionCallingConfig)
      ? body.toolConfig.functionCallingConfig
      : {};
  const gen = isObj(body.generationConfig) ? body.generationConfig : {};
  const promptTokenCount = Math.ceil(JSON.stringify([body.systemInstruction ?? '', contents]).length / 4);
  const thoughts = options.thoughtsTokens ?? 0;
  const usageFor = (candidates: number): Obj => ({
    promptTokenCount,
    candidatesTokenCount: candidates,
    totalTokenCount: promptTokenCount + candidates + thoughts,
    ...(thoughts ? { thoughtsTokenCount: thoughts } : {}),
    ...(options.cachedTokens ? { cachedContentTokenCount: options.cachedTokens } : {}),
    promptTokensDetails: [{ modality: 'TEXT', tokenCount: promptTokenCount }],
  });
  const envelope = { modelVersion: model, responseId: randomBytes(8).toString('base64url') };

  if (mode === 'blocked_prompt') {
    const usage = usageFor(0);
    return {
      full: {
        promptFeedback: { blockReason: 'SAFETY', safetyRatings: [] },
        usageMetadata: usage,
        ...envelope,
      },
      pieces: [],
      finishReason: 'SAFETY',
      usage,
      blocked: true,
    };
  }

  if (decls.length > 0 && !fnResponse && fcc.mode !== 'NONE') {
    const allowed = Array.isArray(fcc.allowedFunctionNames) ? (fcc.allowedFunctionNames as string[]) : [];
    const decl = decls.find((d) => allowed.includes(String(d.name))) ?? decls[0]!;
    const call = {
      functionCall: { name: decl.name, args: sampleArgs(decl.parametersJsonSchema ?? decl.parameters) },
      thoughtSignature: 'c2lnLTEyMw==',
    };
    const usage = usageFor(12);
    return {
      full: {
        candidates: [{ content: { parts: [call], role: 'model' }, finishReason: 'STOP', index: 0 }],
        usageMetadata: usage,
        ...envelope,
      },
      pieces: [call],
      finishReason: 'STOP',
      usage,
      blocked: false,
    };
  }

  const said = fnResponse
    ? `Tool said: ${JSON.stringify(fnResponse.response)}`
    : `You said: ${lastText(parts)}`;
  const media = contents
    .flatMap((c) => c.parts as Obj[])
    .filter((p) => isObj(p.inlineData))
    .map((p) => String((p.inlineData as Obj).mimeType));
  let pieces = `Hello! ${said}${media.length > 0 ? ` [${media.join(', ')}]` : ''}`.split(/(?<= )/);
  let finishReason = mode === 'safety' ? 'SAFETY' : 'STOP';
  const max = typeof gen.maxOutputTokens === 'number' ? gen.maxOutputTokens : Infinity;
  if (pieces.length > max) {
    pieces = pieces.slice(0, max);
    finishReason = 'MAX_TOKENS';
  }
  const usage = usageFor(pieces.length);
  const thoughtPart = thoughts ? [{ text: 'Thinking about it. ', thought: true }] : [];
  return {
    full: {
      candidates: [
        {
          content: { parts: [...thoughtPart, { text: pieces.join('') }], role: 'model' },
          finishReason,
          index: 0,
          safetyRatings: [],
        },
      ],
      usageMetadata: usage,
      ...envelope,
    },
    pieces: [...thoughtPart, ...pieces.map((text) => ({ text }))],
    finishReason,
    usage,
    blocked: false,
  };
}

async function stream(
  res: ServerResponse,
  reply: Reply,
  sse: boolean,
  mode: GeminiMockMode,
  options: GeminiMockOptions,
) {
  const envelope = { modelVersion: reply.full.modelVersion, responseId: reply.full.responseId };
  const events: Obj[] = reply.blocked
    ? [reply.full]
    : reply.pieces.map((part, i) => {
        const lastOne = i === reply.pieces.length - 1;
        const candidate: Obj = { content: { parts: [part], role: 'model' }, index: 0 };
        if (lastOne) candidate.finishReason = reply.finishReason;
        return {
          candidates: [candidate],
          usageMetadata: lastOne
            ? reply.usage
            : {
                promptTokenCount: reply.usage.promptTokenCount,
                totalTokenCount: reply.usage.promptTokenCount,
              },
          ...envelope,
        };
      });
  if (!sse) return json(res, events);
  res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
  for (let i = 0; i < events.length; i++) {
    if (i === 1 && mode === 'pause') await sleep(options.pauseMs ?? 1000);
    if (i === 1 && mode === 'stream_error') {
      res.write(
        `data: ${JSON.stringify({ error: { code: 503, message: 'The model is overloaded. Please try again later.', status: 'UNAVAILABLE' } })}\r\n\r\n`,
      );
      return res.end();
    }
    res.write(`data: ${JSON.stringify(events[i])}\r\n\r\n`);
  }
  res.end();
}

function embed(body: unknown, model: string): Obj {
  if (!isObj(body) || !isObj(body.content) || !Array.isArray(body.content.parts))
    throw new GoogleError(
      400,
      'INVALID_ARGUMENT',
      '* EmbedContentRequest.content: content is not specified\n',
    );
  for (const k of Object.keys(body))
    if (
      ![
        'content',
        'model',
        'taskType',
        'task_type',
        'title',
        'outputDimensionality',
        'output_dimensionality',
      ].includes(k)
    )
      throw new GoogleError(
        400,
        'INVALID_ARGUMENT',
        `Invalid JSON payload received. Unknown name "${k}": Cannot find field.`,
      );
  if (body.model !== undefined && body.model !== `models/${model}`)
    throw new GoogleError(
      400,
      'INVALID_ARGUMENT',
      `* BatchEmbedContentsRequest.model: unexpected model name format`,
    );
  const text = lastText(body.content.parts as Obj[]);
  const dims = Number(body.outputDimensionality ?? body.output_dimensionality ?? 8);
  const hash = createHash('sha256').update(text).digest();
  return { values: Array.from({ length: dims }, (_, i) => (hash[i % hash.length]! - 128) / 128) };
}

function batchEmbed(body: unknown, model: string): Obj[] {
  if (!isObj(body) || !Array.isArray(body.requests) || body.requests.length === 0)
    throw new GoogleError(
      400,
      'INVALID_ARGUMENT',
      '* BatchEmbedContentsRequest.requests: requests is not specified\n',
    );
  if (body.requests.length > 100)
    throw new GoogleError(
      400,
      'INVALID_ARGUMENT',
      '* BatchEmbedContentsRequest.requests: at most 100 requests can be in one batch\n',
    );
  return body.requests.map((r) => {
    if (!isObj(r) || r.model !== `models/${model}`)
      throw new GoogleError(
        400,
        'INVALID_ARGUMENT',
        '* BatchEmbedContentsRequest.requests[0].model: model must match the batch model',
      );
    return embed(r, model);
  });
}

function listModels(res: ServerResponse, url: URL) {
  const all = ['gemini-2.5-flash', 'gemini-2.5-pro', 'text-embedding-004'].map((id) => ({
    name: `models/${id}`,
    displayName: id,
    supportedGenerationMethods: id.startsWith('text-')
      ? ['embedContent']
      : ['generateContent', 'countTokens'],
  }));
  // Two pages, to exercise nextPageToken.
  const second = url.searchParams.get('pageToken') === 'page-2';
  json(res, second ? { models: all.slice(2) } : { models: all.slice(0, 2), nextPageToken: 'page-2' });
}

function lastText(parts: Obj[]): string {
  return parts
    .filter((p) => typeof p.text === 'string')
    .map((p) => String(p.text))
    .join(' ');
}

function sampleArgs(schema: unknown): Obj {
  const out: Obj = {};
  const props = isObj(schema) && isObj(schema.properties) ? schema.properties : {};
  for (const [name, p] of Object.entries(props)) {
    const type = isObj(p) ? String(p.type).toLowerCase() : 'string';
    out[name] = type === 'number' || type === 'integer' ? 1 : type === 'boolean' ? true : 'Paris';
  }
  return out;
}

function json(res: ServerResponse, body: unknown) {
  res.writeHead(200, { 'content-type': 'application/json; charset=UTF-8' });
  res.end(JSON.stringify(body));
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
