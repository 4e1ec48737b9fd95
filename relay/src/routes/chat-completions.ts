import type { IncomingMessage, ServerResponse } from 'node:http';
import type { RelayDeps } from '../deps.js';
import type { RequestContext } from '../http/request-context.js';
import { relayEndpoint } from './relay-endpoint.js';

/** POST /v1/chat/completions — stream and non-stream. */
export function chatCompletions(
  deps: RelayDeps,
  req: IncomingMessage,
  res: ServerResponse,
  rc: RequestContext,
): Promise<void> {
  return relayEndpoint(deps, req, res, rc, { endpoint: 'chat.completions' });
}
