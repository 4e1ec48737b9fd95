import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import { type MockOpenAI, startMockOpenAI } from '../mock-upstreams/openai/server.js';
import { type CreatedToken, createCustomer, createOpenAIChannel, createToken } from '../support/fixtures.js';
import type { GraphQLClient } from '../support/graphql-client.js';
import { chat, freshRequest } from '../support/http.js';
import { Stack } from '../support/stack.js';
import { waitFor } from '../support/wait.js';

/**
 * A change made in GraphQL reaches every relay worker (config snapshot push + token
 * invalidation), without a restart. Each probe uses a new connection, so the cluster spreads
 * the probes over both workers; a worker that missed the change would answer the old way.
 */
describe('config changes reach every relay worker', () => {
  let stack: Stack;
  let first: MockOpenAI;
  let second: MockOpenAI;
  let root: GraphQLClient;
  let token: CreatedToken;
  let channelId: string;
  const auth = () => ({ authorization: `Bearer ${token.key}` });

  beforeAll(async () => {
    first = await startMockOpenAI({ keys: ['sk-first'] });
    second = await startMockOpenAI({ keys: ['sk-second'] });
    stack = await Stack.start({ relayWorkers: 2 });
    root = await stack.rootClient();
    const customer = await createCustomer(root, 'propagation', '100000000');
    channelId = (
      await createOpenAIChannel(root, {
        name: 'first',
        baseUrl: first.baseUrl,
        keys: ['sk-first'],
        models: ['gpt-4o-mini'],
      })
    ).id;
    token = await createToken(root, { name: 'propagation', userId: customer.id, unlimited: true });
    await waitFor(async () => {
      const res = await freshRequest(stack.relayUrl, '/v1/chat/completions', {
        headers: auth(),
        body: chat('gpt-4o-mini'),
      });
      return res.status === 200;
    }, 'the relay serves the first channel');
  });

  afterAll(async () => {
    await stack?.stop();
    await first?.close();
    await second?.close();
  });

  async function probeAll(times: number) {
    const results = [];
    for (let i = 0; i < times; i++) {
      results.push(
        await freshRequest(stack.relayUrl, '/v1/chat/completions', {
          headers: auth(),
          body: chat('gpt-4o-mini'),
        }),
      );
    }
    return results;
  }

  it('a channel moved to another upstream is used by both workers', async () => {
    onTestFailed(() => console.error(stack.describeLogs()));
    await root.gql(
      'mutation Move($id: ID!, $input: UpdateChannelInput!) { updateChannel(id: $id, input: $input) { id } }',
      {
        id: channelId,
        input: { baseUrl: second.baseUrl, keys: ['sk-second'] },
      },
    );
    // The push is asynchronous: wait until one probe lands on the new upstream…
    await waitFor(async () => {
      await freshRequest(stack.relayUrl, '/v1/chat/completions', {
        headers: auth(),
        body: chat('gpt-4o-mini'),
      });
      return second.hits('sk-second') > 0;
    }, 'the first request on the new upstream');
    // …then give the other worker the same short bound, and require every probe to go there.
    await new Promise((r) => setTimeout(r, 1_000));
    const firstBefore = first.hits('sk-first');
    const secondBefore = second.hits('sk-second');
    const results = await probeAll(12);
    expect(results.map((r) => r.status)).toEqual(Array(12).fill(200));
    expect(first.hits('sk-first')).toBe(firstBefore);
    expect(second.hits('sk-second') - secondBefore).toBe(12);
  });

  it('a disabled token is refused by both workers, and accepted again once enabled', async () => {
    onTestFailed(() => console.error(stack.describeLogs()));
    await root.gql('mutation Off($id: ID!) { updateToken(id: $id, input: { status: "disabled" }) { id } }', {
      id: token.id,
    });
    await waitFor(async () => {
      const [r] = await probeAll(1);
      return r.status === 401;
    }, 'the first 401');
    await new Promise((r) => setTimeout(r, 1_000));
    const refused = await probeAll(8);
    expect(refused.map((r) => r.status)).toEqual(Array(8).fill(401));
    expect(JSON.parse(refused[0].body).error).toMatchObject({ type: expect.any(String) });

    await root.gql('mutation On($id: ID!) { updateToken(id: $id, input: { status: "enabled" }) { id } }', {
      id: token.id,
    });
    await waitFor(async () => {
      const [r] = await probeAll(1);
      return r.status === 200;
    }, 'the first 200 after enabling');
    await new Promise((r) => setTimeout(r, 1_000));
    const accepted = await probeAll(8);
    expect(accepted.map((r) => r.status)).toEqual(Array(8).fill(200));
  });
});
