import type { ChannelStateStore } from '../config-store/channel-state.js';
import { type RoutingIndex, type RuntimeChannel, routeKey } from '../config-store/routing-index.js';

/**
 * Picks the channel for one attempt: the highest priority tier that still has a usable
 * channel (enabled, not cooling down, with a live key, not tried yet in this request), then
 * weighted random inside that tier.
 */
export function selectChannel(
  index: RoutingIndex,
  state: ChannelStateStore,
  group: string,
  model: string,
  tried: ReadonlySet<number>,
  random: () => number = Math.random,
  evenCooling = false,
): RuntimeChannel | null {
  const tiers = index.tiers.get(routeKey(group, model));
  if (!tiers) return null;
  for (const tier of tiers) {
    let total = 0;
    let count = 0;
    const usable: RuntimeChannel[] = [];
    for (const c of tier.channels) {
      if (tried.has(c.id) || !state.isUsable(c, evenCooling)) continue;
      usable.push(c);
      total += c.snapshot.weight;
      count++;
    }
    if (count === 0) continue;
    if (total === 0) return usable[Math.floor(random() * count)]!;
    let r = random() * total;
    for (const c of usable) {
      r -= c.snapshot.weight;
      if (r < 0) return c;
    }
    return usable[count - 1]!;
  }
  return null;
}

/** Whether (group, model) has any channel at all (404 vs 503). */
export function routeExists(index: RoutingIndex, group: string, model: string): boolean {
  return index.tiers.has(routeKey(group, model));
}

/** The key for this attempt: round robin or random over the channel's live keys. */
export function pickKey(
  c: RuntimeChannel,
  state: ChannelStateStore,
  random: () => number = Math.random,
): number | null {
  const usable = state.usableKeys(c);
  if (usable.length === 0) return null;
  if (usable.length === 1) return usable[0]!;
  if (c.snapshot.keyStrategy === 'random') return usable[Math.floor(random() * usable.length)]!;
  c.cursor = (c.cursor + 1) % usable.length;
  return usable[c.cursor]!;
}
