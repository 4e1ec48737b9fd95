import { type ChannelTask, type ChannelTestResult, type HealthEvent, QUEUES } from '@switchboard/shared/jobs';
import { Queue, QueueEvents } from 'bullmq';
import type { App } from '../../app.js';
import { AppError, badInput } from '../../common/errors.js';
import { createRedis } from '../../common/redis.js';
import type { GraphqlContext } from '../../graphql/context.js';
import { rebuildAbilities } from '../ability/ability.service.js';
import type { Channel } from './channel.entity.js';

type Ctx = Pick<GraphqlContext, 'em' | 'user' | 'ip'>;

/**
 * Work that needs a provider adapter runs on relay workers (the api never imports relay
 * code): enqueue a ChannelTask and wait for its result. Job data names the channel only; the
 * relay reads the keys from its own snapshot.
 */
export class ChannelTaskService {
  private queue: Queue | null = null;
  private events: QueueEvents | null = null;

  constructor(private readonly app: App) {
    app.onClose.push(() => this.close());
  }

  private ensure(): { queue: Queue; events: QueueEvents } {
    if (!this.queue || !this.events) {
      const prefix = this.app.keys.bullPrefix;
      this.queue = new Queue(QUEUES.channelTasks, {
        connection: this.app.redis,
        prefix,
        defaultJobOptions: { attempts: 1, removeOnComplete: { age: 3600 }, removeOnFail: { age: 86_400 } },
      });
      this.events = new QueueEvents(QUEUES.channelTasks, {
        connection: createRedis(this.app.env, 'channel-task-events', { blocking: true }),
        prefix,
      });
    }
    return { queue: this.queue, events: this.events };
  }

  /** Runs a task on a relay worker and returns its result, or fails with a clear error. */
  async run<T>(task: ChannelTask): Promise<T> {
    const { queue, events } = this.ensure();
    await events.waitUntilReady();
    const job = await queue.add(task.kind, task);
    const timeout = this.app.env.CHANNEL_TASK_TIMEOUT_MS;
    try {
      return (await job.waitUntilFinished(events, timeout)) as T;
    } catch (err) {
      const message = (err as Error).message ?? String(err);
      if (/timed out|timeout/i.test(message)) {
        await job.remove().catch(() => undefined);
        throw new AppError(
          'INTERNAL_SERVER_ERROR',
          `No relay worker answered within ${Math.round(timeout / 1000)} s — is the relay running with this REDIS_PREFIX?`,
        );
      }
      throw new AppError(
        'BAD_USER_INPUT',
        `The relay could not run "${task.kind}": ${message.slice(0, 300)}`,
      );
    }
  }

  /** "Test now": a real request through the channel's adapter; the result is stored on the channel. */
  async test(
    ctx: Ctx,
    channel: Channel,
    model: string | null,
    enableIfPassed: boolean,
  ): Promise<ChannelTestResult> {
    if (model && !channel.models.includes(model))
      throw badInput('model', `The channel does not serve "${model}"`);
    const result = await this.run<ChannelTestResult>({
      kind: 'test',
      channelId: channel.id,
      ...(model ? { model } : {}),
    });
    await this.recordTest(ctx, channel, result, enableIfPassed);
    return result;
  }

  /**
   * Stores a test result. A fatal failure auto-disables the channel (if it allows it); a pass
   * re-enables an auto-disabled one when asked. A manually disabled channel is never touched.
   */
  async recordTest(
    ctx: Ctx,
    channel: Channel,
    result: ChannelTestResult,
    enableIfPassed: boolean,
  ): Promise<void> {
    channel.responseTimeMs = Math.round(result.latencyMs);
    channel.lastTestAt = new Date();
    let statusChanged = false;
    if (!result.ok && result.fatal && channel.autoDisable && channel.status === 'enabled') {
      channel.status = 'auto_disabled';
      channel.statusReason = `test failed: ${result.error ?? 'fatal error'}`.slice(0, 512);
      statusChanged = true;
    } else if (result.ok && enableIfPassed && channel.status === 'auto_disabled') {
      channel.status = 'enabled';
      channel.statusReason = null;
      statusChanged = true;
    }
    await ctx.em.flush();
    if (statusChanged) {
      await rebuildAbilities(ctx.em, channel);
      await this.app.services.audit.record(ctx, 'channel.auto-status', 'channel', channel.id, null, {
        status: channel.status,
        statusReason: channel.statusReason,
      });
      await this.app.publisher.publishSnapshot();
      // A channel that passed its re-test must not stay disabled by a relay's live state.
      if (channel.status === 'enabled') await this.app.services.channels.clearLiveState([channel.id]);
      await this.publishHealth({
        kind: 'status',
        channelId: channel.id,
        status: channel.status,
        reason: channel.statusReason,
        at: Date.now(),
      });
    }
  }

  async fetchModels(channel: Channel): Promise<string[]> {
    const result = await this.run<{ models: string[] }>({ kind: 'models', channelId: channel.id });
    return [...new Set((result.models ?? []).filter((m) => typeof m === 'string' && m.length > 0))].sort();
  }

  async refreshBalance(ctx: Ctx, channel: Channel): Promise<string | null> {
    const result = await this.run<{ balanceUsd: number | null }>({ kind: 'balance', channelId: channel.id });
    if (result.balanceUsd != null && Number.isFinite(result.balanceUsd)) {
      channel.balanceUsd = result.balanceUsd.toFixed(6).replace(/\.?0+$/, '') || '0';
      channel.balanceUpdatedAt = new Date();
      await ctx.em.flush();
    }
    return channel.balanceUsd;
  }

  async publishHealth(event: HealthEvent): Promise<void> {
    await this.app.redis.publish(this.app.keys.healthChannel, JSON.stringify(event));
  }

  async close(): Promise<void> {
    await this.events?.close();
    await this.queue?.close();
    this.events = null;
    this.queue = null;
  }
}
