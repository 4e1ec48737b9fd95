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

/** Sets a user's balance (quota units, decimal string). */
export async function grantQuota(client: GraphQLClient, userId: number, quota: string): Promise<void> {
  await client.gql(
    'mutation Grant($id: ID!, $input: UpdateUserInput!) { updateUser(id: $id, input: $input) { id } }',
    {
      id: String(userId),
      input: { quota },
    },
  );
}
