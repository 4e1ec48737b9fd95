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
import { badInput, toId, toIds } from '../../common/errors.js';
import type { GraphqlContext } from '../../graphql/context.js';
import { BigIntScalar } from '../../graphql/scalars.js';
import type { Token } from './token.entity.js';
import { exportTokens } from './token.export.js';
import { CreateTokenInput, UpdateTokenInput } from './token.input.js';
import { CreatedTokenType, PlaygroundTokenType, TokenType } from './token.type.js';

@ObjectType('TokenPage')
class TokenPage {
  @Field(() => [TokenType])
  items!: TokenType[];

  @Field(() => Int)
  total!: number;
}

@Resolver(() => TokenType)
export class TokenResolver {
  @Authorized()
  @Query(() => TokenPage, { description: 'Tokens you may manage (customers: their own).' })
  async tokens(
    @Ctx() ctx: GraphqlContext,
    @Arg('userId', () => Int, { nullable: true }) userId?: number,
    @Arg('search', () => String, { nullable: true, description: 'Name or key prefix contains' })
    search?: string,
    @Arg('status', () => String, { nullable: true }) status?: string,
    @Arg('limit', () => Int, { nullable: true, defaultValue: 100 }) limit = 100,
    @Arg('offset', () => Int, { nullable: true, defaultValue: 0 }) offset = 0,
  ): Promise<TokenPage> {
    return ctx.app.services.tokens.list(
      ctx,
      { userId, search, status },
      limit,
      offset,
    ) as unknown as Promise<TokenPage>;
  }

  @Authorized()
  @Query(() => TokenType)
  token(@Arg('id', () => ID) id: string, @Ctx() ctx: GraphqlContext): Promise<Token> {
    return ctx.app.services.tokens.get(ctx, toId(id));
  }

  @Authorized()
  @Mutation(() => CreatedTokenType, { description: 'Creates a token; the key is in this reply only.' })
  createToken(@Arg('input', () => CreateTokenInput) input: CreateTokenInput, @Ctx() ctx: GraphqlContext) {
    return ctx.app.services.tokens.create(ctx, input);
  }

  @Authorized()
  @Mutation(() => PlaygroundTokenType, {
    description:
      'A key for the console playground: yours, billed to your balance, expires in minutes, never listed. Older ones are revoked.',
  })
  createPlaygroundToken(@Ctx() ctx: GraphqlContext): Promise<PlaygroundTokenType> {
    return ctx.app.services.playgroundTokens.create(ctx);
  }

  @Authorized()
  @Mutation(() => TokenType)
  updateToken(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => UpdateTokenInput) input: UpdateTokenInput,
    @Ctx() ctx: GraphqlContext,
  ) {
    return ctx.app.services.tokens.update(ctx, toId(id), input);
  }

  @Authorized()
  @Mutation(() => CreatedTokenType, { description: 'Replaces the key; the old key stops working at once.' })
  regenerateTokenKey(@Arg('id', () => ID) id: string, @Ctx() ctx: GraphqlContext) {
    return ctx.app.services.tokens.regenerate(ctx, toId(id));
  }

  @Authorized()
  @Mutation(() => Int, { description: 'Deletes tokens; returns how many.' })
  deleteTokens(@Arg('ids', () => [ID]) ids: string[], @Ctx() ctx: GraphqlContext) {
    return ctx.app.services.tokens.delete(ctx, toIds(ids));
  }

  @Authorized()
  @Query(() => String, {
    description:
      'Settings and balances of your tokens (or one user’s) as CSV or JSON. Keys are not included: only hashes exist.',
  })
  exportTokens(
    @Ctx() ctx: GraphqlContext,
    @Arg('format', () => String, { defaultValue: 'csv', description: 'csv or json' }) format: string,
    @Arg('userId', () => Int, { nullable: true }) userId?: number,
  ): Promise<string> {
    if (format !== 'csv' && format !== 'json') throw badInput('format', 'csv or json');
    return exportTokens(ctx, ctx.app.services.tokens, userId ?? null, format);
  }

  @FieldResolver(() => Int)
  userId(@Root() t: Token): number {
    return t.user.id;
  }

  @FieldResolver(() => BigIntScalar, {
    nullable: true,
    description: 'Remaining quota as the relay sees it now (Redis); null when unlimited',
  })
  liveRemainQuota(@Root() t: Token, @Ctx() ctx: GraphqlContext): Promise<bigint | null> | null {
    if (t.unlimited) return null;
    return ctx.app.publisher.liveTokenQuota(t.user.id, t.id);
  }
}
