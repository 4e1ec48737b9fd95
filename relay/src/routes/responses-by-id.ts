import type { IncomingMessage, ServerResponse } from 'node:http';
import type { RelayDeps } from '../deps.js';
import { RelayError } from '../http/relay-error.js';
import { sendError, sendJson } from '../http/respond.js';
import { forwardRequest } from '../pipeline/forward-request.js';
import { UpstreamError } from '../providers/contract.js';
import { authenticate, notReady } from './relay-endpoint.js';

/**
 * GET / DELETE /v1/responses/{id}: sent to the channel that created the response (the
 * `responseOwner` key). Not metered: nothing is generated.
 */
export async function responsesById(
  deps: RelayDeps,
  req: IncomingMessage,
  res: ServerResponse,
  id: string,
  query: string,
): Promise<void> {
  const { token } = await authenticate(deps, req);
  if (token.record.playground) throw new RelayError('not_found', 'Not available for this key.');
  const index = deps.config.index;
  if (!index) throw notReady();
  const owner = await deps.redis.get(deps.keys.responseOwner(id));
  if (!owner) throw new RelayError('not_found', `Response with id '${id}' not found.`);
  const controller = new AbortController();
  res.on('close', () => {
    if (!res.writableFinished) controller.abort();
  });
  const outcome = await forwardRequest(deps, index, {
    endpoint: req.method === 'DELETE' ? 'responses.delete' : 'responses.get',
    body: {},
    model: '',
    stream: false,
    clientWantsStreamUsage: false,
    group: token.record.group,
    resourceId: id,
    query: query || undefined,
    pinnedChannelId: Number(owner),
    clientHeaders: req.headers,
    signal: controller.signal,
  });
  const result = outcome.result;
  if (!result) {
    const err = outcome.error;
    if (err instanceof UpstreamError)
      throw new RelayError('upstream_error', err.info.message, {}, err.info.status, err.info.type);
    throw (
      err ??
      new RelayError('no_available_channel', 'The channel that created this response is not available.')
    );
  }
  if (result.kind === 'json') {
    if (req.method === 'DELETE') void deps.redis.del(deps.keys.responseOwner(id)).catch(() => {});
    sendJson(res, result.status, result.body);
  } else sendError(res, new RelayError('upstream_error', 'Unexpected reply from the upstream.'));
}
