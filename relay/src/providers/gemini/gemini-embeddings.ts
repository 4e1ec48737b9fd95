import { type EmbeddingResponse, floatsToBase64 } from '@switchboard/shared/openai';
import type { AdapterContext, AdapterRequest, AdapterResult } from '../contract.js';
import { UpstreamError } from '../contract.js';
import { isRecord, parseJson, readText, sendUpstream } from '../upstream-http.js';
import { geminiError } from './gemini-error.js';

/** batchEmbedContents takes at most this many requests per call. */
const BATCH_LIMIT = 100;

/**
 * OpenAI embeddings → Gemini embedContent (one string) or batchEmbedContents (a list), then
 * back as floats or base64 floats as the client asked (`encoding_format`). Gemini reports no
 * token usage for embeddings, so usage is left to the pipeline's tokenizer.
 */
export async function geminiEmbeddings(
  req: AdapterRequest,
  ctx: AdapterContext,
  modelUrl: (method: string) => string,
  headers: Record<string, string>,
): Promise<AdapterResult> {
  const input = req.body.input;
  const texts = typeof input === 'string' ? [input] : Array.isArray(input) ? input : null;
  if (!texts || texts.length === 0 || !texts.every((t): t is string => typeof t === 'string'))
    throw new UpstreamError({
      status: 400,
      type: 'invalid_request_error',
      code: null,
      message: 'This model takes embeddings input as a string or a list of strings (not token ids).',
      retryable: false,
      fatal: null,
      upstreamStatus: 0,
      detail: 'gemini embeddings: non-string input',
    });
  const extra: Record<string, unknown> = {};
  if (typeof req.body.dimensions === 'number') extra.outputDimensionality = req.body.dimensions;
  for (const k of ['taskType', 'title'] as const) if (req.body[k] !== undefined) extra[k] = req.body[k];

  const vectors: number[][] = [];
  if (typeof input === 'string') {
    const body = await call(ctx, modelUrl('embedContent'), headers, {
      content: { parts: [{ text: input }] },
      ...extra,
    });
    vectors.push(values(isRecord(body) ? body.embedding : undefined));
  } else {
    for (let i = 0; i < texts.length; i += BATCH_LIMIT) {
      const requests = texts.slice(i, i + BATCH_LIMIT).map((text) => ({
        model: `models/${req.model}`,
        content: { parts: [{ text }] },
        ...extra,
      }));
      const body = await call(ctx, modelUrl('batchEmbedContents'), headers, { requests });
      const list = isRecord(body) && Array.isArray(body.embeddings) ? body.embeddings : [];
      if (list.length !== requests.length)
        throw malformed(`expected ${requests.length} embeddings, got ${list.length}`);
      for (const e of list) vectors.push(values(e));
    }
  }

  const base64 = req.body.encoding_format === 'base64';
  const response: EmbeddingResponse = {
    object: 'list',
    data: vectors.map((v, index) => ({
      object: 'embedding',
      index,
      embedding: base64 ? floatsToBase64(v) : v,
    })),
    model: req.model,
    usage: { prompt_tokens: 0, total_tokens: 0 },
  };
  return { kind: 'json', status: 200, body: response, usage: null };
}

async function call(
  ctx: AdapterContext,
  url: string,
  headers: Record<string, string>,
  body: unknown,
): Promise<unknown> {
  const res = await sendUpstream(ctx, url, { headers, body });
  const text = await readText(res, ctx);
  if (res.statusCode < 200 || res.statusCode >= 300) throw geminiError(res.statusCode, text, ctx.key);
  return parseJson(text);
}

function values(embedding: unknown): number[] {
  const v = isRecord(embedding) ? embedding.values : undefined;
  if (!Array.isArray(v) || !v.every((x) => typeof x === 'number'))
    throw malformed('embedding without values');
  return v;
}

function malformed(detail: string): UpstreamError {
  return new UpstreamError({
    status: 502,
    type: 'upstream_error',
    code: 'upstream_malformed',
    message: 'The upstream provider sent an unexpected reply.',
    retryable: true,
    fatal: null,
    upstreamStatus: 200,
    detail: `gemini embeddings: ${detail}`,
  });
}
