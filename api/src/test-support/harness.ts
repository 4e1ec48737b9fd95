import { type ApiHandle, bootApi } from '../boot.js';
import { loadEnv } from '../env.js';

export const ROOT_PASSWORD = 'root-password-for-tests';

/**
 * Boots a real api (MySQL database and Redis prefix of this test run, from the global setup)
 * on a free port. Each test file gets its own api; they share the run's database.
 */
export async function startTestApi(extraEnv: Record<string, string> = {}): Promise<TestApi> {
  const env = loadEnv({
    ...process.env,
    API_PORT: '0',
    API_HOST: '127.0.0.1',
    ROOT_PASSWORD,
    REDIS_HEAL_INTERVAL_MS: '60000',
    ...extraEnv,
  });
  const handle = await bootApi(env, () => undefined);
  return new TestApi(handle);
}

// biome-ignore lint/suspicious/noExplicitAny: tests read GraphQL replies loosely
export interface GqlResult<T = any> {
  data?: T;
  errors?: { message: string; extensions?: { code?: string; field?: string } }[];
}

export class TestApi {
  constructor(readonly handle: ApiHandle) {}

  get app() {
    return this.handle.app;
  }

  get url() {
    return this.handle.server.url;
  }

  // biome-ignore lint/suspicious/noExplicitAny: tests read GraphQL replies loosely
  async gql<T = any>(
    query: string,
    variables: Record<string, unknown> = {},
    token?: string,
  ): Promise<GqlResult<T>> {
    const res = await fetch(this.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    return (await res.json()) as GqlResult<T>;
  }

  /** Like gql, but throws on errors and returns data. */
  // biome-ignore lint/suspicious/noExplicitAny: tests read GraphQL replies loosely
  async ok<T = any>(query: string, variables: Record<string, unknown> = {}, token?: string): Promise<T> {
    const r = await this.gql<T>(query, variables, token);
    if (r.errors?.length) throw new Error(`GraphQL error: ${JSON.stringify(r.errors)}`);
    return r.data!;
  }

  async login(username = 'root', password = ROOT_PASSWORD): Promise<string> {
    const data = await this.ok<{ login: { accessToken: string } }>(
      'mutation($u:String!,$p:String!){ login(username:$u,password:$p){ accessToken } }',
      { u: username, p: password },
    );
    return data.login.accessToken;
  }

  close() {
    return this.handle.close();
  }
}
