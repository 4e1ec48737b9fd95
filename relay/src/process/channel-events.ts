import { type ChannelEvent, QUEUES } from '@switchboard/shared/jobs';
import type { RedisKeys } from '@switchboard/shared/redis-keys';
import { Queue } from 'bullmq';
import type { Logger } from '../log.js';
import type { RedisClient } from '../redis.js';

/**
 * Producer of ChannelEvents (auto-disable facts) for the api to persist in MySQL. Finished
 * jobs are removed so Redis does not fill.
 */
export class ChannelEventSink {
  private readonly queue: Queue;

  constructor(
    connection: RedisClient,
    keys: RedisKeys,
    private readonly log: Logger,
  ) {
    this.queue = new Queue(QUEUES.channelEvents, {
      connection,
      prefix: keys.bullPrefix,
      defaultJobOptions: {
        removeOnComplete: true,
        removeOnFail: 1000,
        attempts: 5,
        backoff: { type: 'exponential', delay: 1000 },
      },
    });
    this.queue.on('error', (err) => this.log.warn('channel event queue error', { error: String(err) }));
  }

  async emit(event: ChannelEvent): Promise<void> {
    try {
      await this.queue.add(event.kind, event);
    } catch (err) {
      this.log.error('channel event not queued', { event, error: String(err) });
    }
  }

  close(): Promise<void> {
    return this.queue.close();
  }
}
