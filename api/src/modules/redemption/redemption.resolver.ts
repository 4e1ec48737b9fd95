import { Arg, Authorized, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import { AppError, badInput, notFound } from '../../common/errors.js';
import type { GraphqlContext } from '../../graphql/context.js';
import { Role } from '../../graphql/roles.js';
import { JOBS } from '../../jobs/job.service.js';
import { JobStartedType } from '../channel-health/job-progress.type.js';
import {
  GeneratedRedemptionsType,
  GenerateRedemptionsInput,
  RedeemResultType,
  RedemptionPage,
  RedemptionType,
} from './redemption.type.js';

/**
 * Redemption codes: admins generate (small batches at once, large ones as a job), list, export
 * (`GET /export/redemptions.csv`) and disable them; any signed-in user redeems into its own
 * balance.
 */
@Resolver(() => RedemptionType)
export class RedemptionResolver {
  @Authorized(Role.ADMIN)
  @Query(() => RedemptionPage)
  async redemptions(
    @Ctx() ctx: GraphqlContext,
    @Arg('batchName', () => String, { nullable: true }) batchName?: string,
    @Arg('status', () => String, { nullable: true }) status?: string,
    @Arg('limit', () => Int, { defaultValue: 100 }) limit = 100,
    @Arg('offset', () => Int, { defaultValue: 0 }) offset = 0,
  ): Promise<RedemptionPage> {
    return ctx.app.services.redemptions.list(
      ctx.em,
      { batchName, status },
      limit,
      offset,
    ) as Promise<RedemptionPage>;
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => GeneratedRedemptionsType, {
    description:
      'Generates up to 1,000 codes now; the codes are in this reply only (larger batches: startGenerateRedemptions)',
  })
  generateRedemptions(
    @Ctx() ctx: GraphqlContext,
    @Arg('input', () => GenerateRedemptionsInput) input: GenerateRedemptionsInput,
  ) {
    if (input.count > 1000) throw badInput('count', 'More than 1,000 codes: use startGenerateRedemptions');
    return ctx.app.services.redemptions.generate(ctx, input);
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => JobStartedType, {
    description:
      'Generates up to 10,000 codes as a job (progress: jobProgress); collect them once with claimGeneratedRedemptions',
  })
  async startGenerateRedemptions(
    @Ctx() ctx: GraphqlContext,
    @Arg('input', () => GenerateRedemptionsInput) input: GenerateRedemptionsInput,
  ): Promise<JobStartedType> {
    const valid = ctx.app.services.redemptions.validate(input);
    const job = await ctx.app.services.jobs.enqueue(JOBS.generateRedemptions, {
      requestedBy: ctx.user!.id,
      ip: ctx.ip,
      input: {
        name: valid.name,
        count: valid.count,
        quota: valid.quota.toString(),
        expiresAt: valid.expiresAt?.getTime() ?? null,
      },
    });
    return { jobId: job.id! };
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => GeneratedRedemptionsType, {
    description: 'The codes of a finished generation job, once: the job and its sealed result are deleted',
  })
  async claimGeneratedRedemptions(
    @Ctx() ctx: GraphqlContext,
    @Arg('jobId', () => ID) jobId: string,
  ): Promise<GeneratedRedemptionsType> {
    const jobs = ctx.app.services.jobs;
    const job = await jobs.job(jobId);
    if (!job || job.name !== JOBS.generateRedemptions || job.data.requestedBy !== ctx.user!.id)
      throw notFound('Generation job');
    if ((await job.getState()) !== 'completed')
      throw new AppError('CONFLICT', 'The job has not finished yet');
    const result = job.returnvalue as { batchName: string; sealed?: string } | null;
    if (!result?.sealed) throw notFound('Generated codes (already collected)');
    await job.remove();
    return { batchName: result.batchName, codes: jobs.unseal<string[]>(result.sealed) };
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => Int, { description: 'Disables unused codes; returns how many changed' })
  disableRedemptions(@Ctx() ctx: GraphqlContext, @Arg('ids', () => [ID]) ids: string[]) {
    return ctx.app.services.redemptions.disable(ctx, ids.map(Number));
  }

  @Authorized()
  @Mutation(() => RedeemResultType, { description: 'Redeems a code into your own balance' })
  redeem(@Ctx() ctx: GraphqlContext, @Arg('code', () => String) code: string) {
    return ctx.app.services.redemptions.redeem(ctx, code);
  }
}
