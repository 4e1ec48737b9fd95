import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { toId, toIds } from '../../common/errors.js';
import type { GraphqlContext } from '../../graphql/context.js';
import { Role } from '../../graphql/roles.js';
import { Secret } from '../../graphql/secret.js';
import { Channel } from './channel.entity.js';
import { CreateChannelInput, UpdateChannelInput } from './channel.input.js';
import { ChannelKeyType, ChannelTestResultType, ChannelTimeoutsType, ChannelType } from './channel.type.js';

@Resolver(() => ChannelType)
export class ChannelResolver {
  @Authorized(Role.ADMIN)
  @Query(() => [ChannelType])
  async channels(
    @Ctx() ctx: GraphqlContext,
    @Arg('status', () => String, { nullable: true }) status?: string,
    @Arg('type', () => String, { nullable: true }) type?: string,
    @Arg('search', () => String, { nullable: true, description: 'Name or model contains' }) search?: string,
  ): Promise<Channel[]> {
    const where: Record<string, unknown> = {};
    if (status) where.status = status;
    if (type) where.type = type;
    const channels = await ctx.em.find(Channel, where, { orderBy: { priority: 'desc', id: 'asc' } });
    if (!search) return channels;
    const q = search.toLowerCase();
    return channels.filter(
      (c) => c.name.toLowerCase().includes(q) || c.models.some((m) => m.toLowerCase().includes(q)),
    );
  }

  @Authorized(Role.ADMIN)
  @Query(() => ChannelType)
  channel(@Arg('id', () => ID) id: string, @Ctx() ctx: GraphqlContext): Promise<Channel> {
    return ctx.app.services.channels.get(ctx.em, toId(id));
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => ChannelType)
  createChannel(
    @Arg('input', () => CreateChannelInput) input: CreateChannelInput,
    @Ctx() ctx: GraphqlContext,
  ) {
    return ctx.app.services.channels.create(ctx, input);
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => ChannelType)
  updateChannel(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => UpdateChannelInput) input: UpdateChannelInput,
    @Ctx() ctx: GraphqlContext,
  ) {
    return ctx.app.services.channels.update(ctx, toId(id), input);
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => [ChannelType], { description: 'Enable channels (also auto-disabled ones).' })
  enableChannels(@Arg('ids', () => [ID]) ids: string[], @Ctx() ctx: GraphqlContext) {
    return ctx.app.services.channels.setStatus(ctx, toIds(ids), true, null);
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => [ChannelType], {
    description: 'Disable channels manually; automation never re-enables them.',
  })
  disableChannels(
    @Arg('ids', () => [ID]) ids: string[],
    @Arg('reason', () => String, { nullable: true }) reason: string | null,
    @Ctx() ctx: GraphqlContext,
  ) {
    return ctx.app.services.channels.setStatus(ctx, toIds(ids), false, reason);
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => [ChannelType])
  setChannelPriority(
    @Arg('ids', () => [ID]) ids: string[],
    @Arg('priority', () => Int) priority: number,
    @Ctx() ctx: GraphqlContext,
  ) {
    return ctx.app.services.channels.setPriority(ctx, toIds(ids), priority);
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => Int, { description: 'Deletes channels; returns how many.' })
  deleteChannels(@Arg('ids', () => [ID]) ids: string[], @Ctx() ctx: GraphqlContext) {
    return ctx.app.services.channels.delete(ctx, toIds(ids));
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => ChannelTestResultType, {
    description:
      'Sends a real request through the channel (on a relay worker) and records the response time.',
  })
  async testChannel(
    @Arg('id', () => ID) id: string,
    @Arg('model', () => String, { nullable: true }) model: string | null,
    @Arg('enableIfPassed', () => Boolean, {
      defaultValue: false,
      description: 'Re-enable if auto-disabled and it passes',
    })
    enableIfPassed: boolean,
    @Ctx() ctx: GraphqlContext,
  ) {
    const channel = await ctx.app.services.channels.get(ctx.em, toId(id));
    return ctx.app.services.channelTasks.test(ctx, channel, model, enableIfPassed);
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => [String], { description: 'Lists the upstream’s models (does not change the channel).' })
  async fetchChannelModels(@Arg('id', () => ID) id: string, @Ctx() ctx: GraphqlContext) {
    const channel = await ctx.app.services.channels.get(ctx.em, toId(id));
    return ctx.app.services.channelTasks.fetchModels(channel);
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => ChannelType, {
    description: 'Reads the upstream account balance, where the provider reports one.',
  })
  async refreshChannelBalance(@Arg('id', () => ID) id: string, @Ctx() ctx: GraphqlContext) {
    const channel = await ctx.app.services.channels.get(ctx.em, toId(id));
    await ctx.app.services.channelTasks.refreshBalance(ctx, channel);
    return channel;
  }

  @Secret(Role.ADMIN)
  @FieldResolver(() => [ChannelKeyType])
  maskedKeys(@Root() c: Channel): ChannelKeyType[] {
    return c.keyHints.map((masked, index) => ({ index, masked, disabled: c.disabledKeys.includes(index) }));
  }

  @FieldResolver(() => ChannelTimeoutsType)
  timeouts(@Root() c: Channel): ChannelTimeoutsType {
    return {
      connectMs: c.connectTimeoutMs,
      firstByteMs: c.firstByteTimeoutMs,
      streamIdleMs: c.streamIdleTimeoutMs,
    };
  }
}
