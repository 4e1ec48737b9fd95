import type { IncomingMessage, ServerResponse } from 'node:http';
import type { RelayDeps } from '../deps.js';
import { deliverStream } from '../http/deliver.js';
import { RelayError } from '../http/relay-error.js';
import type { RequestContext } from '../http/request-context.js';
import { sendError, sendJson } from '../http/respond.js';
import { forwardRequest } from '../pipeline/forward-request.js';
import { UpstreamError } from '../providers/contract.js';
import { authenticate, notReady } from './relay-endpoint.js';
import { requireOwnedChannel } from './response-owner.js';

export type StoredResponseAction =
  | 'responses.get'
  | 'responses.delete'
  | 'responses.input_items'
  | 'responses.cancel';

/** The action of `METHOD /v1/responses/{id}[/sub]`, or null when OpenAI has no such route. */
export function storedResponseAction(method: string, sub: string): StoredResponseAction | null {
  if (sub === '') return method === 'GET' ? 'responses.get' : method === 'DELETE' ? 'responses.delete' : null;
  if (sub === 'input_items' && method === 'GET') return 'responses.input_items';
  if (sub === 'cancel' && method === 'POST') return 'responses.cancel';
  return null;
}

/**
 * GET / DELETE /v1/responses/{id}, GET …/input_items, POST …/cancel: sent to the channel that
 * created the response, and only for the user who created it (see response-owner.ts).
 * GET with `stream=true` replays the response's events as SSE. Not metered: nothing is generated.
 */
export async function responsesById(
  deps: RelayDeps,
  req: IncomingMessage,
  res: ServerResponse,
  rc: RequestContext,
  action: StoredResponseAction,
  id: string,
  query: string,
): Promise<void> {
  const { token } = await authenticate(deps, req);
  if (token.record.playground) throw new RelayError('not_found', 'Not available for this key.');
  const index = deps.config.index;
  if (!index) throw notReady();
  const channelId = await requireOwnedChannel(deps, id, token.record.userId);
  const stream = action === 'responses.get' && new URLSearchParams(query).get('stream') === 'true';
  const controller = new AbortController();
  res.on('close', () => {
    if (!res.writableFinished) controller.abort();
  });
  const outcome = await forwardRequest(deps, index, {
    endpoint: action,
    body: {},
    model: '',
    stream,
    clientWantsStreamUsage: false,
    group: token.record.group,
    resourceId: id,
    query: query || undefined,
    pinnedChannelId: channelId,
    clientHeaders: req.headers,
    remoteAddress: req.socket.remoteAddress,
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
    if (action === 'responses.delete') void deps.redis.del(deps.keys.responseOwner(id)).catch(() => {});
    sendJson(res, result.status, result.body);
  } else if (result.kind === 'stream') {
    await deliverStream(
      res,
      result,
      {},
      {
        t0: rc.t0,
        keepAliveMs: index.options.streamKeepAliveMs,
        signal: controller.signal,
        responsesApi: true,
      },
    );
  } else sendError(res, new RelayError('upstream_error', 'Unexpected reply from the upstream.'));
}
