import { decryptSecret, encryptSecret } from '@switchboard/shared/crypto';
import { QUEUES } from '@switchboard/shared/jobs';
import { Repeater } from '@graphql-yoga/subscription';
import { type Job, Queue, QueueEvents } from 'bullmq';
import { hkdfSync } from 'node:crypto';
import { EventEmitter } from 'node:events';
import type { App } from '../app.js';
import { createRedis, type RedisClient } from '../common/redis.js';

/** Jobs on the maintenance queue: scheduled ones and bulk ones a user starts. */
export const JOBS = {
  logRetention: 'log-retention',
  tokenQuotaReset: 'token-quota-reset',
  playgroundTokenCleanup: 'playground-token-cleanup',
  testChannels: 'test-channels',
  fetchModels: 'fetch-models',
  generateRedemptions: 'generate-redemptions',
} as const;
export type BulkJobName =
  | typeof JOBS.testChannels
  | typeof JOBS.fetchModels
  | typeof JOBS.generateRedemptions;

/** Bulk job data: who asked (authorization of progress and results), never a secret. */
export interface BulkJobData {
  requestedBy: number;
  ip: string | null;
  input: Record<string, unknown>;
}

export interface JobProgressEvent {
  jobId: string;
  name: string;
  state: string;
  /** 0–100 */
  progress: number;
  message: string | null;
  /** JSON-safe result summary once completed. */
  result: unknown;
  failedReason: string | null;
}

/**
 * Producer side of the maintenance queue, and the live progress of its jobs. Progress comes
 * from BullMQ's own event stream (QueueEvents), which every api instance reads: a subscriber on
 * any instance sees a job that runs on any other.
 */
export class JobService {
  private queue: Queue | null = null;
  private events: QueueEvents | null = null;
  private eventsConnection: RedisClient | null = null;
  private readonly emitter = new EventEmitter();
  private readonly resultKey: Buffer;

  constructor(private readonly app: App) {
    this.emitter.setMaxListeners(0);
    // Results that hold secrets (generated codes) are sealed under a key of their own.
    this.resultKey = Buffer.from(hkdfSync('sha256', app.env.SECRET_KEY, '', 'switchboard:job-results', 32));
    app.onClose.push(() => this.close());
  }

  get maintenanceQueue(): Queue {
    this.queue ??= new Queue(QUEUES.maintenance, {
      connection: this.app.redis,
      prefix: this.app.keys.bullPrefix,
      defaultJobOptions: { removeOnComplete: { age: 3600 }, removeOnFail: { age: 86_400 }, attempts: 1 },
    });
    return this.queue;
  }

  async enqueue(name: BulkJobName, data: BulkJobData): Promise<Job> {
    return this.maintenanceQueue.add(name, data);
  }

  async job(jobId: string): Promise<Job | undefined> {
    return (await this.maintenanceQueue.getJob(jobId)) ?? undefined;
  }

  seal(value: unknown): string {
    return encryptSecret(JSON.stringify(value), this.resultKey);
  }

  unseal<T>(sealed: string): T {
    return JSON.parse(decryptSecret(sealed, this.resultKey)) as T;
  }

  async snapshot(job: Job): Promise<JobProgressEvent> {
    const state = await job.getState();
    return toEvent(job.id!, job.name, state, job.progress, job.returnvalue, job.failedReason ?? null);
  }

  /** The job's state now, then every change until it completes or fails. */
  watch(job: Job): AsyncIterable<JobProgressEvent> {
    const events = this.ensureEvents();
    const jobId = job.id!;
    return new Repeater<JobProgressEvent>(async (push, stop) => {
      const onEvent = (e: JobProgressEvent) => {
        void push(e);
        if (e.state === 'completed' || e.state === 'failed') stop();
      };
      this.emitter.on(jobId, onEvent);
      await events.waitUntilReady();
      // Re-read after listening, so a change between the two is not missed.
      const fresh = (await this.job(jobId)) ?? job;
      onEvent(await this.snapshot(fresh));
      await stop;
      this.emitter.off(jobId, onEvent);
    });
  }

  private ensureEvents(): QueueEvents {
    if (this.events) return this.events;
    // BullMQ does not close a connection it was handed: ours, closed in close().
    this.eventsConnection = createRedis(this.app.env, 'maintenance-events', { blocking: true });
    const events = new QueueEvents(QUEUES.maintenance, {
      connection: this.eventsConnection,
      prefix: this.app.keys.bullPrefix,
    });
    const forward = async (jobId: string, state: string) => {
      if (this.emitter.listenerCount(jobId) === 0) return;
      const job = await this.job(jobId);
      if (!job) return;
      this.emitter.emit(
        jobId,
        await this.snapshot(job).then((s) => ({ ...s, state: state === 'progress' ? s.state : state })),
      );
    };
    events.on('progress', ({ jobId }) => void forward(jobId, 'progress').catch(() => undefined));
    events.on('completed', ({ jobId }) => void forward(jobId, 'completed').catch(() => undefined));
    events.on('failed', ({ jobId }) => void forward(jobId, 'failed').catch(() => undefined));
    events.on('active', ({ jobId }) => void forward(jobId, 'active').catch(() => undefined));
    this.events = events;
    return events;
  }

  async close(): Promise<void> {
    await this.events?.close();
    await this.queue?.close();
    this.eventsConnection?.disconnect();
    this.eventsConnection = null;
    this.events = null;
    this.queue = null;
  }
}

function toEvent(
  jobId: string,
  name: string,
  state: string,
  progress: unknown,
  result: unknown,
  failedReason: string | null,
): JobProgressEvent {
  const p = typeof progress === 'number' ? progress : ((progress as { percent?: number })?.percent ?? 0);
  const message =
    typeof progress === 'object' && progress ? ((progress as { message?: string }).message ?? null) : null;
  // Sealed parts of a result (generated codes) never reach the progress feed.
  let shown = result ?? null;
  if (shown && typeof shown === 'object' && 'sealed' in shown) {
    const { sealed: _hidden, ...rest } = shown as Record<string, unknown>;
    shown = rest;
  }
  return { jobId, name, state, progress: p, message, result: shown, failedReason };
}
