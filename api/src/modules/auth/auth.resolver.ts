import { Arg, Authorized, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { badInput, toId } from '../../common/errors.js';
import type { GraphqlContext } from '../../graphql/context.js';
import { AccessToken } from '../access-token/access-token.entity.js';
import { AccessTokenType, IssuedAccessTokenType } from '../access-token/access-token.type.js';
import { UserType } from '../user/user.type.js';
import { SESSION_COOKIE } from './auth.service.js';
import { LoginPayload } from './auth.types.js';

@Resolver()
export class AuthResolver {
  @Mutation(() => LoginPayload, {
    description: 'Sign in. Returns a bearer token and sets the session cookie.',
  })
  async login(
    @Arg('username', () => String) username: string,
    @Arg('password', () => String) password: string,
    @Ctx() ctx: GraphqlContext,
  ): Promise<LoginPayload> {
    const { token, plain } = await ctx.app.services.auth.login(ctx.em, username, password, ctx.ip);
    ctx.res.cookie(SESSION_COOKIE, plain, {
      httpOnly: true,
      sameSite: 'lax',
      secure: ctx.app.env.COOKIE_SECURE ?? ctx.app.env.NODE_ENV === 'production',
      path: '/',
      expires: token.expiresAt ?? undefined,
    });
    return { accessToken: plain, expiresAt: token.expiresAt!, user: token.user };
  }

  @Authorized()
  @Mutation(() => Boolean, { description: 'Ends the session used for this request and clears the cookie.' })
  async logout(@Ctx() ctx: GraphqlContext): Promise<boolean> {
    if (ctx.accessTokenId) {
      const token = await ctx.em.findOne(AccessToken, ctx.accessTokenId);
      // Personal tokens are revoked explicitly, never by a logout.
      if (token?.kind === 'session') await ctx.em.nativeDelete(AccessToken, { id: token.id });
    }
    ctx.res.clearCookie(SESSION_COOKIE, { path: '/' });
    return true;
  }

  @Query(() => UserType, { nullable: true, description: 'The signed-in user, or null.' })
  me(@Ctx() ctx: GraphqlContext): UserType | null {
    return ctx.user;
  }

  @Authorized()
  @Query(() => [AccessTokenType], { description: 'Your access tokens (sessions and personal tokens).' })
  async myAccessTokens(@Ctx() ctx: GraphqlContext): Promise<AccessTokenType[]> {
    return ctx.em.find(AccessToken, { user: ctx.user!.id }, { orderBy: { createdAt: 'desc' } });
  }

  @Authorized()
  @Mutation(() => IssuedAccessTokenType, {
    description: 'Creates a personal access token for scripts. The token is shown only in this reply.',
  })
  async createAccessToken(
    @Arg('name', () => String) name: string,
    @Arg('expiresInDays', () => Number, { nullable: true }) expiresInDays: number | null,
    @Ctx() ctx: GraphqlContext,
  ): Promise<IssuedAccessTokenType> {
    const trimmed = name.trim();
    if (!trimmed || trimmed.length > 128) throw badInput('name', 'Name must be 1–128 characters');
    if (expiresInDays != null && !(expiresInDays > 0 && expiresInDays <= 3650)) {
      throw badInput('expiresInDays', 'Must be between 1 and 3650 days');
    }
    const expiresAt = expiresInDays ? new Date(Date.now() + expiresInDays * 86_400_000) : null;
    const { token, plain } = await ctx.app.services.auth.issue(
      ctx.em,
      ctx.user!,
      'personal',
      trimmed,
      expiresAt,
    );
    await ctx.app.services.audit.record(ctx, 'access-token.create', 'access_token', token.id, null, {
      name: token.name,
      prefix: token.prefix,
      expiresAt,
    });
    return { token: plain, accessToken: token };
  }

  @Authorized()
  @Mutation(() => Boolean, { description: 'Revokes one of your access tokens.' })
  async revokeAccessToken(@Arg('id', () => ID) id: string, @Ctx() ctx: GraphqlContext): Promise<boolean> {
    const tokenId = toId(id);
    await ctx.app.services.auth.revoke(ctx.em, ctx.user!.id, tokenId);
    await ctx.app.services.audit.record(ctx, 'access-token.revoke', 'access_token', tokenId, null, null);
    return true;
  }
}
