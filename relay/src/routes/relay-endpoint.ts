import type { IncomingMessage, ServerResponse } from 'node:http';
import type { UsageRecord, UsageStatus } from '@switchboard/shared/usage';
import type { RelayDeps } from '../deps.js';
import { deliverBinary, deliverJson, deliverStream } from '../http/deliver.js';
import { readBody } from '../http/read-body.js';
import { RelayError } from '../http/relay-error.js';
import type { RequestContext } from '../http/request-context.js';
import { sendError } from '../http/respond.js';
import { type AuthedToken, checkIp, modelAllowed } from '../pipeline/authenticate-token.js';
import { clientIp } from '../pipeline/client-ip.js';
import { forwardRequest } from '../pipeline/forward-request.js';
import { multipartFields, parseJsonBody, priceFor, requireModel } from '../pipeline/parse-request.js';
import { routeExists } from '../pipeline/select-channel.js';
import { billServed, jsonCompletionText } from '../pipeline/settle-usage.js';
import type { Endpoint } from '../providers/contract.js';
import { UpstreamError } from '../providers/contract.js';
import { requestBound } from '../quota/price-request.js';
import {
  ownedChannel,
  ownerValue,
  previousResponseNotFound,
  RESPONSE_OWNER_TTL_S,
} from './response-owner.js';

export interface EndpointSpec {
  endpoint: Endpoint;
  /** multipart/form-data body (audio transcriptions/translations). */
  multipart?: boolean;
}

/** Authenticates and checks the client address: the part every /v1 route shares. */
export async function authenticate(
  deps: RelayDeps,
  req: IncomingMessage,
): Promise<{ token: AuthedToken; ip: string }> {
  if (!deps.config.ready) throw notReady();
  const token = await deps.auth.authenticate(req.headers.authorization, req.headers['api-key']);
  const ip = clientIp(req.socket.remoteAddress, req.headers['x-forwarded-for'], deps.trustedProxies);
  checkIp(token, ip);
  return { token, ip };
}

export function notReady(): RelayError {
  return new RelayError('not_ready', 'The gateway is loading its configuration. Retry shortly.', {
    'retry-after': '2',
  });
}

/**
 * One metered request end to end: authenticate, read and check the body, reserve quota,
 * forward with failover, deliver, then settle — exactly once for every admitted request,
 * writing its usage record in the same script.
 */
export async function relayEndpoint(
  deps: RelayDeps,
  req: IncomingMessage,
  res: ServerResponse,
  rc: RequestContext,
  spec: EndpointSpec,
): Promise<void> {
  const { token, ip } = await authenticate(deps, req);
  const raw = await readBody(req, deps.env.RELAY_BODY_LIMIT);
  const contentType = String(req.headers['content-type'] ?? '');
  let body: Record<string, unknown>;
  let multipart: { contentType: string; body: Buffer } | undefined;
  if (spec.multipart) {
    if (!contentType.toLowerCase().startsWith('multipart/form-data'))
      throw new RelayError('invalid_request', 'This endpoint takes multipart/form-data.');
    body = multipartFields(raw, contentType);
    multipart = { contentType, body: raw };
  } else {
    body = parseJsonBody(raw);
  }
  const model = requireModel(body);
  if (!modelAllowed(token, model))
    throw new RelayError('model_not_allowed', `This API key may not use the model \`${model}\`.`);
  const index = deps.config.index;
  if (!index) throw notReady();
  const group = token.record.group;
  if (!routeExists(index, group, model))
    throw new RelayError(
      'model_not_found',
      `The model \`${model}\` does not exist or you do not have access to it.`,
    );
  const price = priceFor(index, model);
  const groupRatio = index.groupRatio.get(group) ?? '1';
  const stream = body.stream === true;
  const clientWantsStreamUsage =
    (body.stream_options as { include_usage?: unknown } | undefined)?.include_usage === true;

  // A follow-up is billed the earlier conversation too; sent with the owner lookup (one write).
  const previousContext =
    spec.endpoint === 'responses' && typeof body.previous_response_id === 'string'
      ? deps.quota.previousContext(token.record, body.previous_response_id)
      : 0;
  let pinnedChannelId: number | undefined;
  if (spec.endpoint === 'responses' && typeof body.previous_response_id === 'string') {
    // Only the user who created a response may continue it (and only on its channel).
    const owner = await deps.redis.get(deps.keys.responseOwner(body.previous_response_id));
    pinnedChannelId = ownedChannel(owner, token.record.userId) ?? undefined;
    if (pinnedChannelId === undefined) throw previousResponseNotFound(body.previous_response_id);
  }

  const bound = requestBound(spec.endpoint, body, raw.length, price, groupRatio, await previousContext);
  const reservation = await deps.quota.reserve(token.record, bound.quota, rc.requestId, bound.tokens);
  // Admitted: from here on the request settles exactly once, whatever happens.
  const controller = new AbortController();
  const onClose = () => {
    if (!res.writableFinished) controller.abort();
  };
  res.on('close', onClose);
  const headers = { ...reservation.headers };
  let status: UsageStatus = 'failed';
  let httpStatus = 500;
  let errorMessage: string | null = null;
  let ttftMs: number | null = null;
  let outcome: Awaited<ReturnType<typeof forwardRequest>> | null = null;
  let usageText: () => string = () => '';
  let upstreamUsage = null;
  try {
    outcome = await forwardRequest(deps, index, {
      endpoint: spec.endpoint,
      body,
      bodyBytes: multipart ? undefined : raw,
      raw: multipart,
      model,
      stream,
      clientWantsStreamUsage,
      group,
      pinnedChannelId,
      clientHeaders: req.headers,
      remoteAddress: req.socket.remoteAddress,
      signal: controller.signal,
    });
    const result = outcome.result;
    if (!result) {
      const err = outcome.error;
      const relayErr =
        err instanceof RelayError
          ? err
          : err instanceof UpstreamError
            ? new RelayError('upstream_error', err.info.message, {}, err.info.status, err.info.type)
            : new RelayError(
                'no_available_channel',
                `No channel is available for the model \`${model}\` right now.`,
              );
      if (err instanceof UpstreamError && err.info.code) Object.assign(relayErr, { code: err.info.code });
      httpStatus = relayErr.status;
      errorMessage = err instanceof UpstreamError ? err.info.detail.slice(0, 300) : relayErr.message;
      status = controller.signal.aborted ? 'aborted' : 'failed';
      if (!controller.signal.aborted) sendError(res, relayErr);
      return;
    }
    if (result.kind === 'json') {
      httpStatus = result.status;
      upstreamUsage = result.usage;
      usageText = () => jsonCompletionText(result.body);
      if (result.responseId && outcome.channel)
        rememberOwner(deps, result.responseId, outcome.channel.id, token.record.userId);
      deliverJson(res, result, headers);
      status = 'success';
    } else if (result.kind === 'binary') {
      httpStatus = result.status;
      upstreamUsage = result.usage;
      await deliverBinary(res, result, headers);
      status = 'success';
    } else {
      httpStatus = 200;
      const out = await deliverStream(res, result, headers, {
        t0: rc.t0,
        keepAliveMs: index.options.streamKeepAliveMs,
        signal: controller.signal,
        responsesApi: spec.endpoint === 'responses',
      });
      status = out.status;
      ttftMs = out.ttftMs;
      errorMessage = out.error;
      upstreamUsage = result.usage();
      usageText = result.completionText;
      const id = result.responseId?.();
      if (id && outcome.channel) rememberOwner(deps, id, outcome.channel.id, token.record.userId);
      if (ttftMs !== null) deps.metrics.ttft.observe({ model }, ttftMs / 1000);
    }
  } catch (err) {
    status = controller.signal.aborted ? 'aborted' : outcome?.result ? 'partial' : 'failed';
    errorMessage = String((err as Error)?.message ?? err).slice(0, 300);
    if (!res.headersSent && !controller.signal.aborted) {
      const e =
        err instanceof RelayError
          ? err
          : new RelayError('upstream_error', 'The upstream reply could not be relayed.');
      httpStatus = e.status;
      sendError(res, e);
    } else if (!res.writableEnded) res.destroy();
  } finally {
    res.off('close', onClose);
    // A reply that failed before any output is not billed; anything produced is.
    const served = outcome?.result != null && status !== 'failed';
    const settle = (async () => {
      const billed = served
        ? await billServed({
            endpoint: spec.endpoint,
            body,
            rawSize: raw.length,
            model: outcome?.upstreamModel ?? model,
            upstreamUsage,
            completionText: usageText,
            price,
            groupRatio,
          })
        : { quota: 0n, usage: null, estimated: false };
      const u = billed.usage;
      const record: UsageRecord = {
        requestId: rc.requestId,
        time: rc.startedAt,
        userId: token.record.userId,
        tokenId: token.record.id,
        channelId: outcome?.channel?.id ?? null,
        endpoint: spec.endpoint,
        model,
        upstreamModel: outcome?.upstreamModel ?? null,
        group,
        promptTokens: u?.prompt_tokens ?? 0,
        completionTokens: u?.completion_tokens ?? 0,
        cachedTokens: u?.prompt_tokens_details?.cached_tokens ?? 0,
        cacheWriteTokens: u?.prompt_tokens_details?.cache_write_tokens ?? 0,
        reasoningTokens: u?.completion_tokens_details?.reasoning_tokens ?? 0,
        quota: billed.quota.toString(),
        latencyMs: Math.round(performance.now() - rc.t0),
        ttftMs,
        stream,
        status,
        httpStatus,
        errorMessage,
        clientIp: ip,
        usageEstimated: billed.estimated,
        attempts: outcome?.attempts ?? [],
      };
      const r = outcome?.result;
      const responseId =
        r?.kind === 'json' ? r.responseId : r?.kind === 'stream' ? r.responseId?.() : undefined;
      // Metrics first: the settlement's reply arrives while the next request may be in
      // flight, and work done on it then is that request's latency.
      const channel = String(record.channelId ?? 'none');
      deps.metrics.requests.inc({ endpoint: spec.endpoint, model, channel, status: String(httpStatus) });
      deps.metrics.latency.observe(
        { endpoint: spec.endpoint, stream: String(stream) },
        record.latencyMs / 1000,
      );
      if (record.promptTokens) deps.metrics.tokens.inc({ model, kind: 'prompt' }, record.promptTokens);
      if (record.completionTokens)
        deps.metrics.tokens.inc({ model, kind: 'completion' }, record.completionTokens);
      await deps.quota.settle(token.record, reservation, record, responseId);
    })().catch((err) => deps.log.error('settlement error', { requestId: rc.requestId, error: String(err) }));
    deps.inflight.add(settle);
    void settle.finally(() => deps.inflight.delete(settle));
  }
}

function rememberOwner(deps: RelayDeps, responseId: string, channelId: number, userId: number): void {
  deps.redis
    .set(deps.keys.responseOwner(responseId), ownerValue(channelId, userId), 'EX', RESPONSE_OWNER_TTL_S)
    .catch((err) => deps.log.warn('response owner not stored', { error: String(err) }));
}

export { sendError };
