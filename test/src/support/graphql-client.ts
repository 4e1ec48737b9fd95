/**
 * A small GraphQL-over-HTTP client for e2e tests: `gql()` throws a {@link GraphQLRequestError}
 * carrying the first error's `extensions.code`, so tests can assert error codes directly.
 */
export class GraphQLRequestError extends Error {
  override name = 'GraphQLRequestError';
  constructor(
    message: string,
    readonly code: string | undefined,
    readonly errors: unknown[],
    readonly status: number,
  ) {
    super(code ? `${code}: ${message}` : message);
  }
}

export class GraphQLClient {
  constructor(
    readonly url: string,
    public bearer: string | null = null,
  ) {}

  async gql<T = Record<string, unknown>>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (this.bearer) headers.authorization = `Bearer ${this.bearer}`;
    const res = await fetch(this.url, {
      method: 'POST',
      headers,
      body: JSON.stringify({ query, variables }),
      signal: AbortSignal.timeout(30_000),
    });
    const text = await res.text();
    let body: { data?: T; errors?: { message: string; extensions?: { code?: string } }[] };
    try {
      body = JSON.parse(text);
    } catch {
      throw new GraphQLRequestError(
        `non-JSON answer (HTTP ${res.status}): ${text.slice(0, 300)}`,
        undefined,
        [],
        res.status,
      );
    }
    if (body.errors?.length) {
      const first = body.errors[0];
      throw new GraphQLRequestError(first.message, first.extensions?.code, body.errors, res.status);
    }
    if (!body.data) throw new GraphQLRequestError(`no data (HTTP ${res.status})`, undefined, [], res.status);
    return body.data;
  }

  /** Logs in and keeps the access token as the bearer for later calls. */
  async login(username: string, password: string): Promise<string> {
    const data = await this.gql<{ login: { accessToken: string } }>(
      'mutation Login($username: String!, $password: String!) { login(username: $username, password: $password) { accessToken } }',
      { username, password },
    );
    this.bearer = data.login.accessToken;
    return this.bearer;
  }
}
