import type {
  AdapterContext,
  AdapterRequest,
  AdapterResult,
  Endpoint,
  ProviderAdapter,
} from '../contract.js';
import { UpstreamError } from '../contract.js';
import { openaiBody, readOpenAIResponse, sendOpenAIRequest } from '../openai/openai-adapter.js';
import { azureError } from './azure-error.js';

/**
 * Azure OpenAI data plane (https://learn.microsoft.com/azure/ai-services/openai/reference),
 * GA api-version 2024-10-21 by default (channel field `apiVersion`). Same bodies, replies and
 * SSE as OpenAI, so the OpenAI adapter's request and response handling is reused; what
 * differs is the URL (`/openai/deployments/{deployment}/…?api-version=…`, the deployment being
 * the mapped model name), the `api-key` header, and some error replies.
 */
export const AZURE_DEFAULT_API_VERSION = '2024-10-21';

const PATHS: Partial<Record<Endpoint, string>> = {
  'chat.completions': '/chat/completions',
  completions: '/completions',
  embeddings: '/embeddings',
  'images.generations': '/images/generations',
  'audio.speech': '/audio/speech',
  'audio.transcriptions': '/audio/transcriptions',
  'audio.translations': '/audio/translations',
};

export function azureApiVersion(ctx: AdapterContext): string {
  const v = ctx.channel.config.apiVersion;
  return typeof v === 'string' && /^\d{4}-\d{2}-\d{2}(?:-preview)?$/.test(v) ? v : AZURE_DEFAULT_API_VERSION;
}

export function azureUrl(ctx: AdapterContext, deployment: string, path: string): string {
  const base = ctx.channel.baseUrl.replace(/\/+$/, '').replace(/\/openai$/, '');
  return `${base}/openai/deployments/${encodeURIComponent(deployment)}${path}?api-version=${encodeURIComponent(azureApiVersion(ctx))}`;
}

export const azureAdapter: ProviderAdapter = {
  type: 'azure',
  endpoints: new Set<Endpoint>(Object.keys(PATHS) as Endpoint[]),

  async execute(req: AdapterRequest, ctx: AdapterContext): Promise<AdapterResult> {
    const path = PATHS[req.endpoint];
    if (!path)
      throw new UpstreamError({
        status: 400,
        type: 'invalid_request_error',
        code: 'unsupported_endpoint',
        message: `This model's provider does not support ${req.endpoint}.`,
        retryable: false,
        fatal: null,
        upstreamStatus: 0,
        detail: `azure: ${req.endpoint} not supported`,
      });
    const { method, body, contentType } = openaiBody(req, ctx);
    const headers: Record<string, string> = {
      ...ctx.passthroughHeaders,
      ...ctx.channel.headers,
      'api-key': ctx.key,
    };
    if (contentType) headers['content-type'] = contentType;
    const res = await sendOpenAIRequest({ url: azureUrl(ctx, req.model, path), method, headers, body }, ctx);
    if (res.statusCode >= 400) {
      let text = '';
      try {
        text = await res.body.text();
      } catch {
        /* cut off: classify on the status alone */
      }
      throw azureError(res.statusCode, text, ctx.key);
    }
    return readOpenAIResponse(res, req, ctx);
  },
  // No listModels: deployments are listed by the Azure management plane (ARM, Entra ID
  // credentials), not by the data plane this channel's key opens.
};
