import { GraphQLError } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../common/errors.js';
import { ROOT_PASSWORD, startTestApi, type TestApi } from '../test-support/harness.js';
import { makeFormatError } from './format-error.js';

describe('GraphQL boundary: sessions, CSRF, access tokens, rate limits, limits, errors', () => {
  let api: TestApi;

  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(() => api?.close());

  const post = (body: unknown, headers: Record<string, string>) =>
    fetch(api.url, { method: 'POST', headers, body: typeof body === 'string' ? body : JSON.stringify(body) });

  it('login sets an httpOnly SameSite=Lax cookie that authenticates JSON requests, and logout ends it', async () => {
    const res = await post(
      {
        query: 'mutation($p:String!){ login(username:"root", password:$p){ accessToken } }',
        variables: { p: ROOT_PASSWORD },
      },
      { 'content-type': 'application/json' },
    );
    const cookie = res.headers.get('set-cookie')!;
    expect(cookie).toMatch(/^sb_session=sbs_/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    const session = cookie.split(';')[0]!;

    const me = await (
      await post({ query: '{ me { username } }' }, { 'content-type': 'application/json', cookie: session })
    ).json();
    expect(me.data.me).toEqual({ username: 'root' });

    // A cross-site form post (simple content type) is refused before it runs.
    const csrf = await post('{"query":"mutation{ logout }"}', {
      'content-type': 'text/plain',
      cookie: session,
    });
    expect(csrf.status).toBe(400);
    const viaGet = await fetch(`${api.url}?query=${encodeURIComponent('{ me { username } }')}`, {
      headers: { cookie: session },
    });
    expect(viaGet.status).toBe(400);

    const out = await post(
      { query: 'mutation{ logout }' },
      { 'content-type': 'application/json', cookie: session },
    );
    expect(out.headers.get('set-cookie')).toMatch(/sb_session=;/);
    const after = await (
      await post({ query: '{ me { username } }' }, { 'content-type': 'application/json', cookie: session })
    ).json();
    expect(after.data.me).toBeNull();
  });

  it('personal access tokens: shown once, listed by prefix, revocable', async () => {
    const session = await api.login();
    const created = await api.ok(
      'mutation{ createAccessToken(name:"ci", expiresInDays: 30){ token accessToken { id prefix kind expiresAt } } }',
      {},
      session,
    );
    const { token, accessToken } = created.createAccessToken;
    expect(token).toMatch(/^sbp_[A-Za-z0-9]{40}$/);
    expect(token.startsWith(accessToken.prefix)).toBe(true);
    const list = await api.ok('{ myAccessTokens { id prefix kind } }', {}, token);
    expect(JSON.stringify(list)).not.toContain(token);
    expect(list.myAccessTokens).toContainEqual({
      id: accessToken.id,
      prefix: accessToken.prefix,
      kind: 'personal',
    });
    // logout with a personal token does not revoke it
    await api.ok('mutation{ logout }', {}, token);
    expect((await api.ok('{ me { username } }', {}, token)).me).toEqual({ username: 'root' });
    await api.ok('mutation($id:ID!){ revokeAccessToken(id:$id) }', { id: accessToken.id }, session);
    expect((await api.ok('{ me { username } }', {}, token)).me).toBeNull();
    const bad = await api.gql(
      'mutation{ createAccessToken(name:"x", expiresInDays: 0){ token } }',
      {},
      session,
    );
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'expiresInDays' });
  });

  it('rate-limits failed logins per username, even for the right password afterwards', async () => {
    const root = await api.login();
    await api.ok(
      'mutation{ createUser(input:{ username:"brute", password:"right-password" }){ id } }',
      {},
      root,
    );
    for (let i = 0; i < 10; i++) {
      const r = await api.gql(
        'mutation{ login(username:"brute", password:"wrong-password"){ accessToken } }',
      );
      expect(r.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    }
    const locked = await api.gql(
      'mutation{ login(username:"brute", password:"right-password"){ accessToken } }',
    );
    expect(locked.errors?.[0]?.extensions?.code).toBe('TOO_MANY_REQUESTS');
  });

  it('refuses malformed BigInt and id arguments as bad input', async () => {
    const root = await api.login();
    const big = await api.gql(
      'mutation{ adjustUserQuota(userId:"1", amount:"12abc", reason:"x"){ id } }',
      {},
      root,
    );
    expect(big.errors?.[0]?.extensions?.code).toMatch(/BAD_USER_INPUT|GRAPHQL_VALIDATION_FAILED/);
    const id = await api.gql('{ user(id:"abc") { id } }', {}, root);
    expect(id.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'id' });
  });

  it('enforces depth and complexity limits and can turn introspection off', async () => {
    const strict = await startTestApi({
      GRAPHQL_MAX_DEPTH: '2',
      GRAPHQL_MAX_COMPLEXITY: '6',
      GRAPHQL_INTROSPECTION: 'false',
    });
    try {
      const root = await strict.login();
      const deep = await strict.gql('{ tokens { items { id } } }', {}, root);
      expect(deep.errors?.[0]?.message).toMatch(/nested 3 levels deep; the limit is 2/);
      const wide = await strict.gql('{ me { id username role group quota usedQuota status } }', {}, root);
      expect(wide.errors?.[0]?.message).toMatch(/too complex/);
      const intro = await strict.gql('{ __schema { types { name } } }', {}, root);
      expect(intro.errors?.[0]?.message).toMatch(/introspection/i);
    } finally {
      await strict.close();
    }
  });

  it('maps errors at one boundary: codes and fields kept, internals hidden in production', () => {
    const format = makeFormatError(true, () => undefined);
    const wrap = (original: Error) =>
      format(
        {
          message: original.message,
          extensions: { code: 'INTERNAL_SERVER_ERROR', stacktrace: ['at secret.ts:1'] },
        },
        new GraphQLError(original.message, { originalError: original, path: ['field'] }),
      );
    expect(wrap(new AppError('BAD_USER_INPUT', 'Bad ratio', 'ratio'))).toMatchObject({
      message: 'Bad ratio',
      extensions: { code: 'BAD_USER_INPUT', field: 'ratio' },
    });
    const internal = wrap(new Error('ER_NO_SUCH_TABLE: users at 10.0.0.5'));
    expect(internal).toEqual({
      message: 'Internal server error',
      path: undefined,
      locations: undefined,
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    });
    const dev = makeFormatError(false, () => undefined);
    expect(
      dev(
        { message: 'boom', extensions: { code: 'INTERNAL_SERVER_ERROR' } },
        new GraphQLError('boom', { originalError: new Error('boom') }),
      ).message,
    ).toBe('boom');
  });
});
