import type { IncomingHttpHeaders } from 'node:http';
import type { UsageAttempt } from '@switchboard/shared/usage';
import type { RoutingIndex, RuntimeChannel } from '../config-store/routing-index.js';
import type { RelayDeps } from '../deps.js';
import { RelayError } from '../http/relay-error.js';
import {
  type AdapterContext,
  type AdapterRequest,
  type AdapterResult,
  type Endpoint,
  UpstreamError,
} from '../providers/contract.js';
import { adapterFor } from '../providers/registry.js';
import { fetchImage } from '../providers/image-fetch.js';
import { forwardedFor } from './forwarded-for.js';
import { pickKey, selectChannel } from './select-channel.js';

export interface ForwardInput {
  endpoint: Endpoint;
  body: Record<string, unknown>;
  /** The client's JSON bytes (forwarded as-is when the model is not mapped). */
  bodyBytes?: Buffer;
  raw?: { contentType: string; body: Buffer };
  model: string;
  stream: boolean;
  clientWantsStreamUsage: boolean;
  group: string;
  resourceId?: string;
  query?: string;
  /** Only this channel may serve (Responses API follow-ups). */
  pinnedChannelId?: number;
  clientHeaders: IncomingHttpHeaders;
  /** The socket peer, for the X-Forwarded-For a channel passes through. */
  remoteAddress?: string;
  signal: AbortSignal;
}

export interface ForwardOutcome {
  result: AdapterResult | null;
  channel: RuntimeChannel | null;
  upstreamModel: string | null;
  attempts: UsageAttempt[];
  /** Why no result: the last attempt's error, or why no attempt was possible. */
  error: UpstreamError | RelayError | null;
}

/**
 * Tries channels until one answers: highest tier first, weighted inside; a retryable failure
 * moves on to the next channel (up to options.retryCount more), a fatal key error disables
 * the key (the channel when none is left) and fails over. Nothing reaches the client here, so
 * every retry is safe.
 */
export async function forwardRequest(
  deps: RelayDeps,
  index: RoutingIndex,
  input: ForwardInput,
): Promise<ForwardOutcome> {
  const state = deps.config.channelState;
  const attempts: UsageAttempt[] = [];
  const tried = new Set<number>();
  const maxAttempts = input.pinnedChannelId !== undefined ? 1 : index.options.retryCount + 1;
  let lastError: UpstreamError | RelayError | null = null;

  while (attempts.length < maxAttempts) {
    const channel =
      input.pinnedChannelId !== undefined
        ? pinned(index, input.pinnedChannelId, state.isUsable.bind(state))
        : (selectChannel(index, state, input.group, input.model, tried) ??
          // Every channel of the route is cooling down: rather one try than a certain failure.
          (attempts.length === 0
            ? selectChannel(index, state, input.group, input.model, tried, Math.random, true)
            : null));
    if (!channel) break;
    const adapter = adapterFor(channel.type);
    const keyIndex = pickKey(channel, state);
    if (!adapter?.endpoints.has(input.endpoint) || keyIndex === null) {
      tried.add(channel.id);
      if (!adapter?.endpoints.has(input.endpoint))
        lastError ??= new RelayError(
          'invalid_request',
          `This endpoint is not supported for model ${input.model}.`,
          {},
          400,
        );
      continue;
    }
    const upstreamModel = channel.snapshot.modelMapping[input.model] ?? input.model;
    const mapped = upstreamModel !== input.model;
    const req: AdapterRequest = {
      endpoint: input.endpoint,
      // Only `model` changes; every other field (known or not) goes through as the client sent it.
      body: mapped ? { ...input.body, model: upstreamModel } : input.body,
      bodyBytes: mapped ? undefined : input.bodyBytes,
      raw:
        input.raw && mapped
          ? { ...input.raw, body: remapMultipartModel(input.raw, upstreamModel) }
          : input.raw,
      model: upstreamModel,
      stream: input.stream,
      clientWantsStreamUsage: input.clientWantsStreamUsage,
      resourceId: input.resourceId,
      query: input.query,
    };
    const ctx: AdapterContext = {
      channel: channel.adapterChannel,
      key: channel.keys[keyIndex]!,
      passthroughHeaders: passthrough(channel, input, deps.trustedProxies),
      signal: input.signal,
      dispatcher: deps.dispatchers.for(channel),
      log: deps.log,
      fetchImage: (url) => fetchImage(url, index.options.allowPrivateImageFetch),
      cache: deps.credentials,
    };
    const t0 = performance.now();
    try {
      const result = await adapter.execute(req, ctx);
      const status = result.kind === 'stream' ? 200 : result.status;
      attempts.push({
        channelId: channel.id,
        keyIndex,
        status,
        latencyMs: Math.round(performance.now() - t0),
        error: null,
      });
      void state.recordSuccess(channel).catch(() => {});
      return { result, channel, upstreamModel, attempts, error: null };
    } catch (err) {
      if (input.signal.aborted) {
        attempts.push({
          channelId: channel.id,
          keyIndex,
          status: 0,
          latencyMs: Math.round(performance.now() - t0),
          error: 'client closed',
        });
        return {
          result: null,
          channel,
          upstreamModel,
          attempts,
          error: new RelayError('invalid_request', 'Client closed the request.', {}, 499),
        };
      }
      const e = err instanceof UpstreamError ? err : unexpected(err);
      attempts.push({
        channelId: channel.id,
        keyIndex,
        status: e.info.upstreamStatus,
        latencyMs: Math.round(performance.now() - t0),
        error: e.info.detail.slice(0, 300),
      });
      lastError = e;
      if (e.info.fatal && !channel.snapshot.autoDisable) {
        // The admin turned auto-disable off: leave the channel alone, just move on.
        tried.add(channel.id);
      } else if (e.info.fatal) {
        await disable(deps, channel, e.info.fatal === 'channel' ? null : keyIndex, e.info.detail);
        // The same channel may still serve with another key.
        if (!state.isUsable(channel)) tried.add(channel.id);
      } else {
        tried.add(channel.id);
        if (e.info.retryable) {
          deps.metrics.retries.inc({ channel: String(channel.id), reason: String(e.info.upstreamStatus) });
          await state.recordFailure(channel, index.options, e.info.detail.slice(0, 200)).catch(() => 0);
        }
      }
      if (!e.info.retryable) break;
    }
  }
  return { result: null, channel: null, upstreamModel: null, attempts, error: lastError };
}

function pinned(
  index: RoutingIndex,
  id: number,
  usable: (c: RuntimeChannel) => boolean,
): RuntimeChannel | null {
  const c = index.channels.get(id);
  return c && usable(c) ? c : null;
}

async function disable(
  deps: RelayDeps,
  channel: RuntimeChannel,
  keyIndex: number | null,
  reason: string,
): Promise<void> {
  const state = deps.config.channelState;
  const at = Date.now();
  const short = reason.slice(0, 300);
  try {
    let channelGone = keyIndex === null;
    if (keyIndex !== null) channelGone = await state.disableKey(channel, keyIndex, short);
    else for (const i of state.usableKeys(channel)) channelGone = await state.disableKey(channel, i, short);
    if (keyIndex !== null && channel.keys.length > 1)
      void deps.channelEvents.emit({
        kind: 'auto-disable-key',
        channelId: channel.id,
        keyIndex,
        reason: short,
        at,
      });
    if (channelGone)
      void deps.channelEvents.emit({
        kind: 'auto-disable-channel',
        channelId: channel.id,
        reason: short,
        at,
      });
    deps.log.warn('channel auto-disabled', { channelId: channel.id, keyIndex, channelGone, reason: short });
  } catch (err) {
    deps.log.error('auto-disable failed', { channelId: channel.id, error: String(err) });
  }
}

function passthrough(
  channel: RuntimeChannel,
  input: ForwardInput,
  trusted: RelayDeps['trustedProxies'],
): Record<string, string> {
  const names = channel.snapshot.passthroughHeaders;
  if (names.length === 0) return {};
  const out: Record<string, string> = {};
  for (const name of names) {
    const lower = name.toLowerCase();
    // The client's own X-Forwarded-For is spoofable (and absent for direct clients).
    if (lower === 'x-forwarded-for') {
      const chain = forwardedFor(input.remoteAddress, input.clientHeaders[lower], trusted);
      if (chain) out[lower] = chain;
      continue;
    }
    const v = input.clientHeaders[lower];
    if (v !== undefined) out[lower] = Array.isArray(v) ? v.join(', ') : v;
  }
  return out;
}

/** Multipart bodies: rewrite the `model` field's value only. */
function remapMultipartModel(raw: { contentType: string; body: Buffer }, model: string): Buffer {
  const text = raw.body.toString('latin1');
  const re = /(name="model"\r\n(?:[^\r\n]+\r\n)*\r\n)([^\r\n]*)(\r\n)/;
  const m = re.exec(text);
  if (!m) return raw.body;
  const start = m.index + m[1]!.length;
  return Buffer.concat([
    raw.body.subarray(0, start),
    Buffer.from(model, 'utf8'),
    raw.body.subarray(start + Buffer.byteLength(m[2]!, 'latin1')),
  ]);
}

function unexpected(err: unknown): UpstreamError {
  return new UpstreamError({
    status: 502,
    type: 'server_error',
    code: 'upstream_error',
    message: 'The upstream provider failed to answer this request.',
    retryable: true,
    fatal: null,
    upstreamStatus: 0,
    detail: String((err as Error)?.stack ?? err).slice(0, 500),
  });
}
