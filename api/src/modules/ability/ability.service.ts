import type { EntityManager } from '@mikro-orm/core';
import type { Channel } from '../channel/channel.entity.js';
import { Ability } from './ability.entity.js';

/** Rewrites a channel's abilities: one row per (group, model), enabled when the channel is. */
export async function rebuildAbilities(em: EntityManager, channel: Channel): Promise<void> {
  await em.nativeDelete(Ability, { channel: channel.id });
  const rows = [];
  for (const group of new Set(channel.groups)) {
    for (const model of new Set(channel.models)) {
      rows.push({
        group,
        model,
        channel: channel.id,
        priority: channel.priority,
        weight: channel.weight,
        enabled: channel.status === 'enabled',
      });
    }
  }
  if (rows.length) await em.insertMany(Ability, rows);
}
