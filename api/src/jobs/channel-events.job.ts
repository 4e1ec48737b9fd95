import type { ChannelEvent } from '@switchboard/shared/jobs';
import { QUEUES } from '@switchboard/shared/jobs';
import { Worker } from 'bullmq';
import type { App } from '../app.js';
import { createRedis } from '../common/redis.js';
import { rebuildAbilities } from '../modules/ability/ability.service.js';
import { AuditLog } from '../modules/audit-log/audit-log.entity.js';
import { Channel } from '../modules/channel/channel.entity.js';

/**
 * Persists routing facts the relay found (a channel or a key failed fatally). Idempotent and
 * conservative: an event older than an admin's last edit of the channel is dropped,
 * a manually disabled channel stays as it is, and `autoDisable: false` channels are never
 * disabled automatically.
 */
export async function applyChannelEvent(app: App, event: ChannelEvent): Promise<'applied' | 'skipped'> {
  const em = app.orm.em.fork();
  const channel = await em.findOne(Channel, event.channelId);
  if (!channel?.autoDisable) return 'skipped';
  const adminActedSince = await em.count(AuditLog, {
    targetType: 'channel',
    targetId: String(channel.id),
    action: { $in: ['channel.enable', 'channel.update', 'channel.disable'] },
    createdAt: { $gt: new Date(event.at) },
  });
  if (adminActedSince) return 'skipped';
  const before = {
    status: channel.status,
    statusReason: channel.statusReason,
    disabledKeys: [...channel.disabledKeys],
  };
  if (event.kind === 'auto-disable-channel') {
    if (channel.status !== 'enabled') return 'skipped';
    channel.status = 'auto_disabled';
    channel.statusReason = event.reason.slice(0, 512);
  } else {
    if (event.keyIndex < 0 || event.keyIndex >= channel.keys.length) return 'skipped';
    if (channel.disabledKeys.includes(event.keyIndex)) return 'skipped';
    channel.disabledKeys = [...channel.disabledKeys, event.keyIndex].sort((a, b) => a - b);
    // No usable key left: the channel goes too (the relay reports it separately as well).
    if (channel.disabledKeys.length >= channel.keys.length && channel.status === 'enabled') {
      channel.status = 'auto_disabled';
      channel.statusReason = `all keys disabled; last: ${event.reason}`.slice(0, 512);
    }
  }
  await em.flush();
  await rebuildAbilities(em, channel);
  // Audit as the system actor (no user), with the relay's time of the failure.
  await app.services.audit.record(
    { em, user: null, ip: null },
    event.kind === 'auto-disable-channel' ? 'channel.auto-disable' : 'channel.auto-disable-key',
    'channel',
    channel.id,
    before,
    {
      status: channel.status,
      statusReason: channel.statusReason,
      disabledKeys: channel.disabledKeys,
      failedAt: new Date(event.at),
    },
  );
  await app.publisher.publishSnapshot();
  await app.services.channelTasks.publishHealth(
    channel.status !== before.status
      ? {
          kind: 'status',
          channelId: channel.id,
          status: channel.status,
          reason: channel.statusReason,
          at: Date.now(),
        }
      : event.kind === 'auto-disable-key'
        ? {
            kind: 'key-disabled',
            channelId: channel.id,
            keyIndex: event.keyIndex,
            reason: event.reason,
            at: Date.now(),
          }
        : {
            kind: 'status',
            channelId: channel.id,
            status: channel.status,
            reason: channel.statusReason,
            at: Date.now(),
          },
  );
  return 'applied';
}

/** The worker draining QUEUES.channelEvents; closed on shutdown. */
export function startChannelEventsWorker(app: App): Worker {
  const worker = new Worker(
    QUEUES.channelEvents,
    async (job) => applyChannelEvent(app, job.data as ChannelEvent),
    {
      connection: createRedis(app.env, 'channel-events-worker', { blocking: true }),
      prefix: app.keys.bullPrefix,
      concurrency: 1,
    },
  );
  worker.on('error', (err) => console.error('[api] channel-events worker:', err.message));
  app.onClose.push(() => worker.close());
  return worker;
}
