import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../../test-support/harness.js';

describe('quotaPerUsd query', () => {
  let api: TestApi;
  let root: string;
  let customer: string;

  beforeAll(async () => {
    api = await startTestApi();
    root = await api.login();
    await api.ok(
      'mutation{ createUser(input:{ username:"qpu-customer", password:"qpu-customer-pw" }){ id } }',
      {},
      root,
    );
    customer = await api.login('qpu-customer', 'qpu-customer-pw');
  });
  afterAll(() => api?.close());

  it('gives every signed-in role the configured rate, not just root, and nobody signed out', async () => {
    expect((await api.ok('{ quotaPerUsd }', {}, customer)).quotaPerUsd).toBe('500000');
    await api.ok('mutation{ setOption(key:"quotaPerUsd", value:"1000000"){ key } }', {}, root);
    expect((await api.ok('{ quotaPerUsd }', {}, customer)).quotaPerUsd).toBe('1000000');
    // The other options stay root-only.
    const listed = await api.gql('{ options { key } }', {}, customer);
    expect(listed.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const anonymous = await api.gql('{ quotaPerUsd }');
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});
