import type { IncomingMessage, ServerResponse } from 'node:http';
import type { RelayDeps } from '../deps.js';
import type { RequestContext } from '../http/request-context.js';
import { relayEndpoint } from './relay-endpoint.js';

/** POST /v1/images/generations — priced per image (size, quality). */
export function imagesGenerations(
  deps: RelayDeps,
  req: IncomingMessage,
  res: ServerResponse,
  rc: RequestContext,
): Promise<void> {
  return relayEndpoint(deps, req, res, rc, { endpoint: 'images.generations' });
}
