import type { IncomingMessage, ServerResponse } from 'node:http';
import type { RelayDeps } from './deps.js';
import type { RequestContext } from './http/request-context.js';
import { audioSpeech } from './routes/audio-speech.js';
import { audioTranscriptions } from './routes/audio-transcriptions.js';
import { audioTranslations } from './routes/audio-translations.js';
import { billingSubscription, billingUsage } from './routes/billing.js';
import { chatCompletions } from './routes/chat-completions.js';
import { completions } from './routes/completions.js';
import { embeddings } from './routes/embeddings.js';
import { imagesGenerations } from './routes/images-generations.js';
import { listModels } from './routes/models.js';
import { moderations } from './routes/moderations.js';
import { responses } from './routes/responses.js';
import { responsesById, storedResponseAction } from './routes/responses-by-id.js';

type Handler = (
  deps: RelayDeps,
  req: IncomingMessage,
  res: ServerResponse,
  rc: RequestContext,
) => Promise<void>;

const POST: Record<string, Handler> = {
  '/v1/chat/completions': chatCompletions,
  '/v1/completions': completions,
  '/v1/embeddings': embeddings,
  '/v1/images/generations': imagesGenerations,
  '/v1/audio/speech': audioSpeech,
  '/v1/audio/transcriptions': audioTranscriptions,
  '/v1/audio/translations': audioTranslations,
  '/v1/moderations': moderations,
  '/v1/responses': responses,
};

/** Finds the handler of a /v1 (or One-API billing) request; null = 404. */
export function route(method: string, url: string): Handler | null {
  const q = url.indexOf('?');
  const rawPath = q === -1 ? url : url.slice(0, q);
  const path = rawPath.length > 1 && rawPath.endsWith('/') ? rawPath.slice(0, -1) : rawPath;
  const query = q === -1 ? '' : url.slice(q + 1);
  if (path.startsWith('/v1/responses/')) {
    // {id}, {id}/input_items or {id}/cancel
    const [rawId, sub = '', extra] = path.slice('/v1/responses/'.length).split('/');
    const id = extra === undefined ? decodeSegment(rawId!) : null;
    const action = id ? storedResponseAction(method, sub) : null;
    return id && action ? (d, req, res, rc) => responsesById(d, req, res, rc, action, id, query) : null;
  }
  if (method === 'POST') return POST[path] ?? null;
  if (method === 'GET' && path === '/v1/models') return (d, req, res) => listModels(d, req, res, null);
  if (method === 'GET' && path.startsWith('/v1/models/')) {
    const id = decodeSegment(path.slice('/v1/models/'.length));
    return id === null ? null : (d, req, res) => listModels(d, req, res, id);
  }
  if (
    method === 'GET' &&
    (path === '/dashboard/billing/subscription' || path === '/v1/dashboard/billing/subscription')
  )
    return (d, req, res) => billingSubscription(d, req, res);
  if (method === 'GET' && (path === '/dashboard/billing/usage' || path === '/v1/dashboard/billing/usage'))
    return (d, req, res) => billingUsage(d, req, res);
  return null;
}

/** A path segment's text; null for malformed percent-encoding (answered as an unknown URL). */
function decodeSegment(segment: string): string | null {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
}
