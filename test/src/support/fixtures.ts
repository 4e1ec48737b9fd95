import type { GraphQLClient } from './graphql-client.js';

/** GraphQL operations the e2e tests and the benchmark use to set up a tenant. */
export interface ChannelSpec {
  name: string;
  baseUrl: string;
  keys: string[];
  models: string[];
  groups?: string[];
  priority?: number;
  weight?: number;
  modelMapping?: Record<string, string>;
  headers?: Record<string, string>;
  passthroughHeaders?: string[];
  streamUsage?: boolean;
}

export async function createOpenAIChannel(client: GraphQLClient, spec: ChannelSpec): Promise<{ id: string }> {
  const data = await client.gql<{ createChannel: { id: string; status: string } }>(
    `mutation CreateChannel($input: CreateChannelInput!) {
      createChannel(input: $input) { id status }
    }`,
    { input: { type: 'openai', groups: ['default'], ...spec } },
  );
  return data.createChannel;
}

export interface TokenSpec {
  name: string;
  unlimited?: boolean;
  /** Quota units, as a decimal string (BigInt scalar). */
  remainQuota?: string;
  models?: string[] | null;
  ipWhitelist?: string[] | null;
  group?: string | null;
  userId?: number;
}

export interface CreatedToken {
  key: string;
  id: string;
  userId: number;
}

export async function createToken(client: GraphQLClient, spec: TokenSpec): Promise<CreatedToken> {
  const data = await client.gql<{ createToken: { key: string; token: { id: string; userId: number } } }>(
    `mutation CreateToken($input: CreateTokenInput!) {
      createToken(input: $input) { key token { id userId } }
    }`,
    { input: spec },
  );
  return { key: data.createToken.key, ...data.createToken.token };
}

export async function me(client: GraphQLClient): Promise<{ id: string; quota: string; usedQuota: string }> {
  const data = await client.gql<{ me: { id: string; quota: string; usedQuota: string } }>(
    'query { me { id quota usedQuota } }',
  );
  return data.me;
}

/** Adds (or, negative, removes) quota units of a user, as a recorded adjustment. */
export async function adjustQuota(client: GraphQLClient, userId: number, amount: string): Promise<void> {
  await client.gql(
    'mutation Adjust($userId: ID!, $amount: BigInt!, $reason: String!) { adjustUserQuota(userId: $userId, amount: $amount, reason: $reason) { id } }',
    { userId: String(userId), amount, reason: 'e2e test' },
  );
}

/** A customer (role user) with a starting balance. */
export async function createCustomer(
  client: GraphQLClient,
  username: string,
  quota: string,
  extra: Record<string, unknown> = {},
): Promise<{ id: number; username: string; password: string }> {
  const password = `pw-${username}-0123456789`;
  const data = await client.gql<{ createUser: { id: string } }>(
    'mutation CreateUser($input: CreateUserInput!) { createUser(input: $input) { id } }',
    { input: { username, password, quota, ...extra } },
  );
  return { id: Number(data.createUser.id), username, password };
}
