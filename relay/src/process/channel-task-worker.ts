import { type ChannelTask, type ChannelTestResult, type HealthEvent, QUEUES } from '@switchboard/shared/jobs';
import { UnrecoverableError, Worker } from 'bullmq';
import type { RuntimeChannel } from '../config-store/routing-index.js';
import type { RelayDeps } from '../deps.js';
import { fetchImage } from '../providers/image-fetch.js';
import { type AdapterContext, UpstreamError } from '../providers/contract.js';
import { adapterFor } from '../providers/registry.js';
import type { RedisClient } from '../redis.js';

const TASK_TIMEOUT_MS = 60_000;

/**
 * Runs the channel tasks the api asks for (test a channel, list its models, read its
 * balance) with the provider adapters, which live only in the relay. Job data names the
 * channel; its keys come from this worker's own snapshot (no secrets in Redis jobs).
 */
export function startChannelTaskWorker(deps: RelayDeps, connection: RedisClient): Worker {
  const worker = new Worker(
    QUEUES.channelTasks,
    async (job) => {
      const task = job.data as ChannelTask;
      const index = deps.config.index;
      if (!index) throw new Error('relay config not loaded yet');
      const channel = index.channels.get(task.channelId);
      if (!channel) throw new UnrecoverableError(`channel ${task.channelId} is not in the relay's snapshot`);
      const adapter = adapterFor(channel.type);
      if (!adapter) throw new UnrecoverableError(`no adapter for provider type ${channel.type}`);
      switch (task.kind) {
        case 'test':
          return testChannel(deps, channel, task.model);
        case 'models':
          if (!adapter.listModels) return { models: channel.snapshot.models };
          return { models: await adapter.listModels(context(deps, channel)) };
        case 'balance':
          return { balanceUsd: adapter.balance ? await adapter.balance(context(deps, channel)) : null };
      }
    },
    { connection, prefix: deps.keys.bullPrefix, concurrency: 4 },
  );
  worker.on('error', (err) => deps.log.warn('channel task worker error', { error: String(err) }));
  return worker;
}

function context(deps: RelayDeps, channel: RuntimeChannel): AdapterContext {
  const usable = deps.config.channelState.usableKeys(channel);
  const keyIndex = usable[0] ?? channel.keys.findIndex((k) => k !== null);
  return {
    channel: channel.adapterChannel,
    key: channel.keys[keyIndex] ?? '',
    passthroughHeaders: {},
    signal: AbortSignal.timeout(TASK_TIMEOUT_MS),
    dispatcher: deps.dispatchers.for(channel),
    log: deps.log,
    fetchImage: (url) => fetchImage(url, false),
    cache: deps.credentials,
  };
}

async function testChannel(
  deps: RelayDeps,
  channel: RuntimeChannel,
  model?: string,
): Promise<ChannelTestResult> {
  const adapter = adapterFor(channel.type)!;
  const testModel = model ?? channel.snapshot.models[0] ?? 'gpt-4o-mini';
  const upstreamModel = channel.snapshot.modelMapping[testModel] ?? testModel;
  const t0 = performance.now();
  let result: ChannelTestResult;
  try {
    const out = await adapter.execute(
      {
        endpoint: 'chat.completions',
        body: { model: upstreamModel, messages: [{ role: 'user', content: 'hi' }], max_tokens: 1 },
        model: upstreamModel,
        stream: false,
        clientWantsStreamUsage: false,
      },
      context(deps, channel),
    );
    if (out.kind === 'stream') for await (const _ of out.parts);
    result = {
      ok: true,
      model: testModel,
      latencyMs: Math.round(performance.now() - t0),
      status: 200,
      error: null,
      fatal: false,
    };
  } catch (err) {
    const info = err instanceof UpstreamError ? err.info : null;
    result = {
      ok: false,
      model: testModel,
      latencyMs: Math.round(performance.now() - t0),
      status: info?.upstreamStatus ?? 0,
      error: info ? `${info.upstreamStatus || 'network'}: ${info.message}` : 'test failed',
      fatal: info?.fatal != null,
    };
  }
  const event: HealthEvent = {
    kind: 'test',
    channelId: channel.id,
    ok: result.ok,
    latencyMs: result.latencyMs,
    error: result.error,
    at: Date.now(),
  };
  await deps.redis.publish(deps.keys.healthChannel, JSON.stringify(event)).catch(() => {});
  return result;
}
