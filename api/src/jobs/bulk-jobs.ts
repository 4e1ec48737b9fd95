import { type ChannelTestResult, QUEUES } from '@switchboard/shared/jobs';
import { type Job, Queue, UnrecoverableError } from 'bullmq';
import type { App } from '../app.js';
import { Channel } from '../modules/channel/channel.entity.js';
import { User } from '../modules/user/user.entity.js';
import { type BulkJobData, JOBS } from './job.service.js';

async function requester(app: App, data: BulkJobData) {
  const em = app.orm.em.fork();
  const user = await em.findOne(User, data.requestedBy);
  if (user?.status !== 'enabled') throw new UnrecoverableError('the user who started this job is gone');
  return { em, user, ip: data.ip };
}

async function progress(job: Job, done: number, total: number, message: string): Promise<void> {
  await job.updateProgress({ percent: total ? Math.round((done / total) * 100) : 100, message });
}

/**
 * Tests channels one by one through the relay (ChannelTaskService), recording each result like
 * "test now" does. `enableIfPassed` re-enables auto-disabled channels that pass (the scheduled
 * re-test); manually disabled channels are never touched by it.
 */
export async function testChannelsJob(
  app: App,
  job: Job,
  ctx: { em: ReturnType<App['orm']['em']['fork']>; user: User | null; ip: string | null },
  channelIds: number[] | null,
  enableIfPassed: boolean,
) {
  const where = channelIds
    ? { id: { $in: channelIds } }
    : enableIfPassed
      ? { status: 'auto_disabled' as const, autoTest: true }
      : { autoTest: true };
  const channels = await ctx.em.find(Channel, where, { orderBy: { id: 'asc' } });
  // Without a relay every test would wait out the task timeout: say so at once instead (the
  // scheduled re-test just skips its round).
  if (channels.length && !(await relayWorkersOnline(app))) {
    if (enableIfPassed && !channelIds)
      return { tested: 0, passed: 0, results: [], skipped: 'no relay worker' };
    throw new UnrecoverableError('No relay worker is running (channel tests run on the relay)');
  }
  const results: { channelId: number; ok: boolean; latencyMs: number; error: string | null }[] = [];
  for (const [i, channel] of channels.entries()) {
    let r: Pick<ChannelTestResult, 'ok' | 'latencyMs' | 'error'>;
    try {
      r = await app.services.channelTasks.test(ctx, channel, null, enableIfPassed);
    } catch (err) {
      r = { ok: false, latencyMs: 0, error: (err as Error).message.slice(0, 300) };
    }
    results.push({ channelId: channel.id, ok: r.ok, latencyMs: r.latencyMs, error: r.error });
    await progress(job, i + 1, channels.length, `tested ${channel.name}`);
  }
  return { tested: results.length, passed: results.filter((r) => r.ok).length, results };
}

/** Whether any relay process is consuming channel tasks right now. */
async function relayWorkersOnline(app: App): Promise<boolean> {
  const queue = new Queue(QUEUES.channelTasks, { connection: app.redis, prefix: app.keys.bullPrefix });
  try {
    return (await queue.getWorkersCount()) > 0;
  } catch {
    return true; // CLIENT LIST not allowed (managed Redis): let the task timeout decide
  } finally {
    await queue.close();
  }
}

export async function runBulkJob(app: App, job: Job<BulkJobData>): Promise<unknown> {
  const data = job.data;
  switch (job.name) {
    case JOBS.testChannels: {
      const ctx = await requester(app, data);
      const ids = Array.isArray(data.input.channelIds) ? (data.input.channelIds as number[]) : null;
      return testChannelsJob(app, job, ctx, ids, false);
    }
    case JOBS.fetchModels: {
      const { em } = await requester(app, data);
      const ids = (data.input.channelIds as number[]) ?? [];
      const channels = await em.find(Channel, { id: { $in: ids } }, { orderBy: { id: 'asc' } });
      const out: { channelId: number; models: string[]; error: string | null }[] = [];
      for (const [i, channel] of channels.entries()) {
        try {
          out.push({
            channelId: channel.id,
            models: await app.services.channelTasks.fetchModels(channel),
            error: null,
          });
        } catch (err) {
          out.push({ channelId: channel.id, models: [], error: (err as Error).message.slice(0, 300) });
        }
        await progress(job, i + 1, channels.length, `fetched ${channel.name}`);
      }
      return { channels: out };
    }
    case JOBS.generateRedemptions: {
      const ctx = await requester(app, data);
      const input = data.input as { name: string; count: number; quota: string; expiresAt: number | null };
      const { batchName, codes } = await app.services.redemptions.generate(
        ctx,
        {
          name: input.name,
          count: input.count,
          quota: BigInt(input.quota),
          expiresAt: input.expiresAt ? new Date(input.expiresAt) : null,
        },
        (done, total) => progress(job, done, total, `${done} of ${total} codes`),
      );
      // The plain codes are sealed (AES-GCM) in the job result until their owner collects them.
      return { batchName, count: codes.length, sealed: app.services.jobs.seal(codes) };
    }
    default:
      throw new UnrecoverableError(`unknown job ${job.name}`);
  }
}
