import type { EntityManager } from '@mikro-orm/core';
import {
  relayOptionsSchema,
  relaySnapshotSchema,
  type RelaySnapshot,
  type SnapshotChannel,
} from '@switchboard/shared/relay-config';
import { Channel } from '../modules/channel/channel.entity.js';
import { Group } from '../modules/group/group.entity.js';
import { ModelPrice } from '../modules/model-price/model-price.entity.js';
import { resolveOptions } from '../modules/option/option.definitions.js';
import { Option } from '../modules/option/option.entity.js';

/** Reads channels, groups, prices and options from MySQL into a validated RelaySnapshot. */
export async function buildSnapshot(em: EntityManager, version: number): Promise<RelaySnapshot> {
  const [channels, groups, prices, optionRows] = await Promise.all([
    em.find(Channel, {}, { orderBy: { id: 'asc' } }),
    em.find(Group, {}, { orderBy: { name: 'asc' } }),
    em.find(ModelPrice, {}, { orderBy: { model: 'asc' } }),
    em.find(Option, {}),
  ]);
  const options = resolveOptions(optionRows);
  const snapshot = {
    version,
    generatedAt: new Date().toISOString(),
    quotaPerUsd: options.quotaPerUsd,
    channels: channels.map(toSnapshotChannel),
    groups: groups.map((g) => ({ name: g.name, ratio: g.ratio })),
    prices: prices.map((p) => ({
      model: p.model,
      modelRatio: p.modelRatio,
      completionRatio: p.completionRatio,
      cachedRatio: p.cachedRatio,
      cacheWriteRatio: p.cacheWriteRatio,
      reasoningRatio: p.reasoningRatio,
      perCallQuota: p.perCallQuota.toString(),
      imagePrices: p.imagePrices,
      audioPerMinuteQuota: p.audioPerMinuteQuota?.toString() ?? null,
      audioPer1kCharsQuota: p.audioPer1kCharsQuota?.toString() ?? null,
      defaultMaxOutputTokens: p.defaultMaxOutputTokens,
    })),
    options: relayOptionsSchema.parse({
      retryCount: options.retryCount,
      cooldownFailures: options.cooldownFailures,
      cooldownMs: options.cooldownMs,
      defaultModelRatio: options.defaultModelRatio,
      allowPrivateImageFetch: options.allowPrivateImageFetch,
      streamKeepAliveMs: options.streamKeepAliveMs,
    }),
  };
  // Validate what we send: a bad row must fail here, loudly, not in every relay.
  return relaySnapshotSchema.parse(snapshot);
}

export function toSnapshotChannel(c: Channel): SnapshotChannel {
  return {
    id: c.id,
    name: c.name,
    type: c.type,
    baseUrl: c.baseUrl,
    keys: c.keys,
    disabledKeys: c.disabledKeys,
    keyStrategy: c.keyStrategy,
    models: c.models,
    groups: c.groups,
    modelMapping: c.modelMapping,
    headers: c.headers,
    passthroughHeaders: c.passthroughHeaders,
    priority: c.priority,
    weight: c.weight,
    status: c.status,
    timeouts: {
      connectMs: c.connectTimeoutMs,
      firstByteMs: c.firstByteTimeoutMs,
      streamIdleMs: c.streamIdleTimeoutMs,
    },
    streamUsage: c.streamUsage,
    autoDisable: c.autoDisable,
    config: c.config,
  };
}
