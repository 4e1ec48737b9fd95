import {
  Arg,
  Authorized,
  Ctx,
  Field,
  FieldResolver,
  ID,
  Int,
  Mutation,
  ObjectType,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import { toId, toIds } from '../../common/errors.js';
import type { GraphqlContext } from '../../graphql/context.js';
import { Role } from '../../graphql/roles.js';
import { BigIntScalar } from '../../graphql/scalars.js';
import { TopUpType } from '../top-up/top-up.type.js';
import type { User } from './user.entity.js';
import { CreateUserInput, UpdateUserInput } from './user.input.js';
import { UserType } from './user.type.js';

@ObjectType('UserPage')
class UserPage {
  @Field(() => [UserType])
  items!: UserType[];

  @Field(() => Int)
  total!: number;
}

@Resolver(() => UserType)
export class UserResolver {
  @Authorized(Role.SALES)
  @Query(() => UserPage, {
    description: 'Users you may manage (sales: customers; admins: sales and customers).',
  })
  users(
    @Ctx() ctx: GraphqlContext,
    @Arg('search', () => String, { nullable: true }) search?: string,
    @Arg('role', () => String, { nullable: true }) role?: string,
    @Arg('status', () => String, { nullable: true }) status?: string,
    @Arg('limit', () => Int, { nullable: true, defaultValue: 50 }) limit = 50,
    @Arg('offset', () => Int, { nullable: true, defaultValue: 0 }) offset = 0,
  ): Promise<UserPage> {
    return ctx.app.services.users.list(ctx, { search, role, status }, limit, offset);
  }

  @Authorized()
  @Query(() => UserType)
  user(@Arg('id', () => ID) id: string, @Ctx() ctx: GraphqlContext): Promise<User> {
    return ctx.app.services.users.get(ctx, toId(id));
  }

  @Authorized(Role.SALES)
  @Mutation(() => UserType, {
    description: 'Creates a user; sales create customers, admins also sales, root also admins.',
  })
  createUser(@Arg('input', () => CreateUserInput) input: CreateUserInput, @Ctx() ctx: GraphqlContext) {
    return ctx.app.services.users.create(ctx, input);
  }

  @Authorized()
  @Mutation(() => UserType, {
    description: 'Updates a user you manage (yourself: profile and password only).',
  })
  updateUser(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => UpdateUserInput) input: UpdateUserInput,
    @Ctx() ctx: GraphqlContext,
  ) {
    return ctx.app.services.users.update(ctx, toId(id), input);
  }

  @Authorized(Role.SALES)
  @Mutation(() => Int, { description: 'Deletes users with their tokens; returns how many.' })
  deleteUsers(@Arg('ids', () => [ID]) ids: string[], @Ctx() ctx: GraphqlContext) {
    return ctx.app.services.users.delete(ctx, toIds(ids));
  }

  @Authorized(Role.SALES)
  @Mutation(() => TopUpType, {
    description:
      'Adds (or, negative, removes) quota with a reason; recorded as an adjustment and in the audit log.',
  })
  async adjustUserQuota(
    @Arg('userId', () => ID) userId: string,
    @Arg('amount', () => BigIntScalar) amount: bigint,
    @Arg('reason', () => String) reason: string,
    @Ctx() ctx: GraphqlContext,
  ) {
    await ctx.app.services.users.get(ctx, toId(userId, 'userId'));
    return ctx.app.services.users.changeQuota(ctx, toId(userId, 'userId'), amount, 'adjustment', reason);
  }

  @Authorized()
  @Mutation(() => Boolean)
  async changePassword(
    @Arg('currentPassword', () => String) currentPassword: string,
    @Arg('newPassword', () => String) newPassword: string,
    @Ctx() ctx: GraphqlContext,
  ): Promise<boolean> {
    await ctx.app.services.users.changeOwnPassword(ctx, currentPassword, newPassword);
    return true;
  }

  @FieldResolver(() => BigIntScalar, {
    nullable: true,
    description: 'Balance as the relay sees it right now (Redis); quota converges to it as usage is written',
  })
  liveQuota(@Root() u: User, @Ctx() ctx: GraphqlContext): Promise<bigint | null> {
    return ctx.app.publisher.liveUserQuota(u.id);
  }
}
