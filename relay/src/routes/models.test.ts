import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { route } from '../router.js';
import { RelayFixture } from '../testing/relay-fixture.js';

describe('/v1/models/{id} and malformed paths', () => {
  const fx = new RelayFixture('models');
  let key: string;

  beforeAll(async () => {
    // Nothing is forwarded here: the channel's address is never dialled.
    await fx.publishSnapshot([
      { id: 1, baseUrl: 'http://127.0.0.1:9', keys: ['sk-x'], models: ['gpt-4o', 'org/model-a'] },
    ]);
    key = await fx.token({ userId: 1, tokenId: 11, userQuota: 1000 });
    await fx.startInProcess();
  });
  afterAll(async () => {
    await fx.stop();
  });

  const get = async (path: string) => {
    const r = await fetch(`${fx.v1}${path}`, { headers: { authorization: `Bearer ${key}` } });
    return { status: r.status, body: (await r.json()) as Record<string, unknown> };
  };

  it('an unknown model: 404 with OpenAI’s exact error', async () => {
    expect(await get('/models/gpt-9')).toEqual({
      status: 404,
      body: {
        error: {
          message: "The model 'gpt-9' does not exist",
          type: 'invalid_request_error',
          param: 'model',
          code: 'model_not_found',
        },
      },
    });
  });

  it('known models, percent-encoded or with a slash', async () => {
    expect((await get('/models/gpt-4o')).body).toMatchObject({ id: 'gpt-4o', object: 'model' });
    expect((await get('/models/org%2Fmodel-a')).body).toMatchObject({ id: 'org/model-a' });
    expect((await get('/models/org/model-a')).body).toMatchObject({ id: 'org/model-a' });
  });

  it('malformed percent-encoding is an unknown URL (404, OpenAI error), not a 500', async () => {
    for (const path of ['/models/%E0%A4%A', '/models/100%', '/responses/resp_%zz', '/responses/%/cancel']) {
      const r = await get(path);
      expect(r.status, path).toBe(404);
      expect(r.body, path).toMatchObject({ error: { type: 'invalid_request_error', code: 'not_found' } });
    }
    expect(route('GET', '/v1/models/%')).toBeNull();
    expect(route('DELETE', '/v1/responses/%E0')).toBeNull();
  });
});
