import type { IncomingMessage, ServerResponse } from 'node:http';
import type { RelayDeps } from '../deps.js';
import { RelayError } from '../http/relay-error.js';
import { sendJson } from '../http/respond.js';
import { type AuthedToken, modelAllowed } from '../pipeline/authenticate-token.js';
import { authenticate, notReady } from './relay-endpoint.js';

/** GET /v1/models and /v1/models/{id}: only models this token may use in its group. */
export async function listModels(
  deps: RelayDeps,
  req: IncomingMessage,
  res: ServerResponse,
  id: string | null,
): Promise<void> {
  const { token } = await authenticate(deps, req);
  const models = visibleModels(deps, token);
  if (id !== null) {
    // OpenAI's own reply for an unknown model, `param` included.
    if (!models.includes(id))
      throw new RelayError('model_not_found', `The model '${id}' does not exist`).withParam('model');
    sendJson(res, 200, modelObject(id));
    return;
  }
  sendJson(res, 200, { object: 'list', data: models.map(modelObject) });
}

function visibleModels(deps: RelayDeps, token: AuthedToken): string[] {
  const index = deps.config.index;
  if (!index) throw notReady();
  const all = index.groupModels.get(token.record.group) ?? new Set<string>();
  return [...all].filter((m) => modelAllowed(token, m)).sort();
}

function modelObject(id: string) {
  return { id, object: 'model', created: 1_700_000_000, owned_by: 'switchboard' };
}
