import { deriveKey, decryptSecret } from '@switchboard/shared/crypto';
import { normalizeOpenAIBaseUrl, providerInfo } from '@switchboard/shared/providers';
import type {
  ModelPrice,
  RelayOptions,
  RelaySnapshot,
  SnapshotChannel,
} from '@switchboard/shared/relay-config';
import type { AdapterChannel } from '../providers/contract.js';

/**
 * The in-memory routing index built from one config snapshot: (group, model) → priority tiers
 * of channels, prices, group ratios and options. Built off to the side and swapped in whole, so
 * a request sees one consistent snapshot. Live state (cool-down, disabled keys) is kept apart
 * in {@link LiveChannelState} so that it survives a swap.
 */
export interface RuntimeChannel {
  id: number;
  name: string;
  type: string;
  snapshot: SnapshotChannel;
  adapterChannel: AdapterChannel;
  /** Decrypted keys (memory only, never logged); null when a key could not be decrypted. */
  keys: Array<string | null>;
  /** Round-robin cursor. */
  cursor: number;
}

export interface Tier {
  priority: number;
  channels: RuntimeChannel[];
}

export interface RoutingIndex {
  version: number;
  options: RelayOptions;
  quotaPerUsd: bigint;
  channels: Map<number, RuntimeChannel>;
  /** `${group}\n${model}` → tiers, highest priority first. */
  tiers: Map<string, Tier[]>;
  /** group → every model some channel serves in it. */
  groupModels: Map<string, Set<string>>;
  groupRatio: Map<string, string>;
  prices: Map<string, ModelPrice>;
}

export const routeKey = (group: string, model: string) => `${group}\n${model}`;

export function buildRoutingIndex(
  snap: RelaySnapshot,
  secretKey: string,
  previous: RoutingIndex | null,
  onKeyError: (channelId: number, index: number) => void,
): RoutingIndex {
  const cipherKey = deriveKey(secretKey, 'channel-keys');
  const channels = new Map<number, RuntimeChannel>();
  const tiersByRoute = new Map<string, Map<number, RuntimeChannel[]>>();
  const groupModels = new Map<string, Set<string>>();
  for (const c of snap.channels) {
    const keys = c.keys.map((sealed, i) => {
      try {
        return decryptSecret(sealed, cipherKey);
      } catch {
        onKeyError(c.id, i);
        return null;
      }
    });
    const info = providerInfo(c.type);
    const baseUrl = info?.openaiCompatible
      ? normalizeOpenAIBaseUrl(c.baseUrl || info.defaultBaseUrl || '')
      : c.baseUrl || info?.defaultBaseUrl || '';
    const runtime: RuntimeChannel = {
      id: c.id,
      name: c.name,
      type: c.type,
      snapshot: c,
      keys,
      cursor: previous?.channels.get(c.id)?.cursor ?? Math.floor(Math.random() * Math.max(1, keys.length)),
      adapterChannel: {
        id: c.id,
        name: c.name,
        type: c.type,
        baseUrl,
        config: c.config,
        headers: c.headers,
        streamUsage: c.streamUsage,
        timeouts: c.timeouts,
      },
    };
    // Every channel is kept (channel tasks test disabled ones); only enabled ones route.
    channels.set(c.id, runtime);
    if (c.status !== 'enabled') continue;
    for (const group of c.groups) {
      let models = groupModels.get(group);
      if (!models) {
        models = new Set();
        groupModels.set(group, models);
      }
      for (const model of c.models) {
        models.add(model);
        const key = routeKey(group, model);
        let byPriority = tiersByRoute.get(key);
        if (!byPriority) {
          byPriority = new Map();
          tiersByRoute.set(key, byPriority);
        }
        const list = byPriority.get(c.priority) ?? [];
        list.push(runtime);
        byPriority.set(c.priority, list);
      }
    }
  }
  const tiers = new Map<string, Tier[]>();
  for (const [key, byPriority] of tiersByRoute) {
    tiers.set(
      key,
      [...byPriority.entries()]
        .sort((a, b) => b[0] - a[0])
        .map(([priority, list]) => ({ priority, channels: list })),
    );
  }
  return {
    version: snap.version,
    options: snap.options,
    quotaPerUsd: BigInt(snap.quotaPerUsd),
    channels,
    tiers,
    groupModels,
    groupRatio: new Map(snap.groups.map((g) => [g.name, g.ratio])),
    prices: new Map(snap.prices.map((p) => [p.model, p])),
  };
}
