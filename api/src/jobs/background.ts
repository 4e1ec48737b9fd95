import { QUEUES } from '@switchboard/shared/jobs';
import { type Job, Worker } from 'bullmq';
import { setTimeout as sleep } from 'node:timers/promises';
import type { App } from '../app.js';
import { createRedis } from '../common/redis.js';
import { UsageWriter } from '../usage-writer/usage-writer.js';
import { runBulkJob, testChannelsJob } from './bulk-jobs.js';
import { type BulkJobData, JOBS } from './job.service.js';
import { pruneUsageLogs } from './log-retention.job.js';
import { resetTokenQuotas } from './token-quota-reset.job.js';

/** Schedules of the repeatable maintenance jobs (BullMQ job schedulers: one per name, any instance runs it). */
const SCHEDULES = [
  { name: JOBS.logRetention, every: 3_600_000 },
  { name: JOBS.tokenQuotaReset, every: 60_000 },
  { name: JOBS.playgroundTokenCleanup, every: 300_000 },
  { name: 'retest-auto-disabled', every: 600_000 },
] as const;

/**
 * Starts the api's background work in this process: the usage writer and the maintenance
 * worker (scheduled and bulk jobs). Everything is
 * safe to run in several api instances at once. Stopped by the app's close hooks (SIGTERM).
 */
export async function startBackgroundWork(
  app: App,
  log: (line: string) => void = console.log,
): Promise<void> {
  const { env, keys } = app;
  const writerConnection = createRedis(env, 'usage-writer', { blocking: true });
  const writer = new UsageWriter({
    orm: app.orm,
    redis: writerConnection,
    keys,
    shards: env.USAGE_SHARDS,
    log,
  });
  await writer.start();

  // The channel-events worker (relay → MySQL auto-disable facts) starts in boot.ts
  // (channel-events.job.ts).
  const maintenanceConnection = createRedis(env, 'maintenance-worker', { blocking: true });
  const maintenance = new Worker(
    QUEUES.maintenance,
    async (job: Job) => {
      switch (job.name) {
        case JOBS.logRetention:
          return { deleted: await pruneUsageLogs(app) };
        case JOBS.tokenQuotaReset:
          return { reset: await resetTokenQuotas(app) };
        case JOBS.playgroundTokenCleanup:
          return { deleted: await app.services.playgroundTokens.pruneExpired() };
        case 'retest-auto-disabled': {
          const { tested, passed } = await testChannelsJob(
            app,
            job,
            { em: app.orm.em.fork(), user: null, ip: null },
            null,
            true,
          );
          return { tested, passed };
        }
        default:
          return runBulkJob(app, job as Job<BulkJobData>);
      }
    },
    { connection: maintenanceConnection, prefix: keys.bullPrefix, concurrency: 2 },
  );
  maintenance.on('error', (err) => log(`[jobs] maintenance worker: ${err.message}`));

  const queue = app.services.jobs.maintenanceQueue;
  for (const s of SCHEDULES) {
    await queue.upsertJobScheduler(
      s.name,
      { every: s.every },
      { name: s.name, data: {}, opts: { removeOnComplete: true, removeOnFail: 100 } },
    );
  }

  app.onClose.push(async () => {
    // Drain: the batch or job in hand finishes; the rest waits in Redis for the next start.
    // A long job (a channel test waiting on the relay) gets a few seconds; after that it stays
    // active in Redis and BullMQ's stalled-job check hands it to another worker.
    await Promise.all([writer.stop(), Promise.race([maintenance.close(), sleep(5000)])]);
    for (const c of [writerConnection, maintenanceConnection]) c.disconnect();
  });
}
