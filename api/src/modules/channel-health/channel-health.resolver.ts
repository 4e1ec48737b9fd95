import type { HealthEvent } from '@switchboard/shared/jobs';
import {
  Arg,
  Authorized,
  Ctx,
  ID,
  Int,
  Mutation,
  Query,
  Resolver,
  Root,
  Subscription,
  type SubscribeResolverData,
} from 'type-graphql';
import { badInput, forbidden, notFound, unauthenticated } from '../../common/errors.js';
import type { GraphqlContext } from '../../graphql/context.js';
import { hasRole, Role } from '../../graphql/roles.js';
import { type JobProgressEvent, JOBS } from '../../jobs/job.service.js';
import { ChannelHealthEventType } from './channel-health.type.js';
import { healthEvents } from './health-pubsub.js';
import { JobProgressType, JobStartedType } from './job-progress.type.js';

type SubscribeData = SubscribeResolverData<unknown, Record<string, unknown>, GraphqlContext>;

function requireAdmin(ctx: GraphqlContext) {
  if (!ctx.user) throw unauthenticated();
  if (!hasRole(ctx.user.role, 'admin')) throw forbidden('Channel health is for admins');
}

/** The job, if the signed-in user may follow it (who started it, or an admin). */
async function visibleJob(ctx: GraphqlContext, jobId: string) {
  if (!ctx.user) throw unauthenticated();
  const job = await ctx.app.services.jobs.job(jobId);
  const owner = (job?.data as { requestedBy?: number } | undefined)?.requestedBy;
  if (!job || (owner !== ctx.user.id && !hasRole(ctx.user.role, 'admin'))) throw notFound('Job');
  return job;
}

/** Live channel health and long-running job progress (graphql-ws on /graphql). */
@Resolver()
export class ChannelHealthResolver {
  @Authorized(Role.ADMIN)
  @Subscription(() => ChannelHealthEventType, {
    description: 'Status changes, test results, cool-downs and disabled keys as they happen (admins)',
    subscribe: ({ args, context }: SubscribeData) => {
      requireAdmin(context);
      return healthEvents(context.app, (args.channelId as number | null | undefined) ?? null);
    },
  })
  channelHealth(
    @Root() event: HealthEvent,
    @Arg('channelId', () => Int, { nullable: true, description: 'Only this channel' }) _channelId?: number,
  ): ChannelHealthEventType {
    return {
      ...event,
      at: new Date(event.at),
      ...('until' in event ? { until: new Date(event.until) } : {}),
    } as ChannelHealthEventType;
  }

  @Authorized()
  @Subscription(() => JobProgressType, {
    description: 'Progress of a bulk job you started: its state now, then every change until it ends',
    subscribe: async ({ args, context }: SubscribeData) => {
      const job = await visibleJob(context, String(args.jobId));
      return context.app.services.jobs.watch(job);
    },
  })
  jobProgress(@Root() event: JobProgressEvent, @Arg('jobId', () => ID) _jobId: string): JobProgressType {
    return event;
  }

  @Authorized()
  @Query(() => JobProgressType, { description: 'A bulk job’s state now' })
  async job(@Ctx() ctx: GraphqlContext, @Arg('jobId', () => ID) jobId: string): Promise<JobProgressType> {
    return ctx.app.services.jobs.snapshot(await visibleJob(ctx, jobId));
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => JobStartedType, {
    description: 'Tests the given channels (default: all with automatic tests on) as a job',
  })
  async startTestChannels(
    @Ctx() ctx: GraphqlContext,
    @Arg('ids', () => [ID], { nullable: true }) ids?: string[],
  ): Promise<JobStartedType> {
    const job = await ctx.app.services.jobs.enqueue(JOBS.testChannels, {
      requestedBy: ctx.user!.id,
      ip: ctx.ip,
      input: { channelIds: ids ? ids.map(Number) : null },
    });
    return { jobId: job.id! };
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => JobStartedType, {
    description: 'Fetches the upstream model lists of many channels as a job',
  })
  async startFetchModels(
    @Ctx() ctx: GraphqlContext,
    @Arg('ids', () => [ID]) ids: string[],
  ): Promise<JobStartedType> {
    if (!ids.length || ids.length > 1000) throw badInput('ids', 'Name 1–1000 channels');
    const job = await ctx.app.services.jobs.enqueue(JOBS.fetchModels, {
      requestedBy: ctx.user!.id,
      ip: ctx.ip,
      input: { channelIds: ids.map(Number) },
    });
    return { jobId: job.id! };
  }
}
