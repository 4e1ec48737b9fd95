import type { IncomingMessage, ServerResponse } from 'node:http';
import type { RelayDeps } from '../deps.js';
import type { RequestContext } from '../http/request-context.js';
import { relayEndpoint } from './relay-endpoint.js';

/** POST /v1/responses — follow-ups (previous_response_id) go to the channel that made the first response; usage from response.completed. */
export function responses(
  deps: RelayDeps,
  req: IncomingMessage,
  res: ServerResponse,
  rc: RequestContext,
): Promise<void> {
  return relayEndpoint(deps, req, res, rc, { endpoint: 'responses' });
}
