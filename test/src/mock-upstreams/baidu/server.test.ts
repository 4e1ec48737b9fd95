import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BAIDU_TEST_KEY, type MockBaidu, startMockBaidu } from './server.js';

// The mock's own OAuth server and token check, exercised with plain fetch (no adapter code).
describe('mock baidu', () => {
  let mock: MockBaidu;
  beforeAll(async () => {
    mock = await startMockBaidu();
  });
  afterAll(() => mock.close());

  const tokenUrl = (ak: string, sk: string) =>
    `${mock.url}/oauth/2.0/token?grant_type=client_credentials&client_id=${ak}&client_secret=${sk}`;
  const chat = (token: string) =>
    fetch(`${mock.url}/rpc/2.0/ai_custom/v1/wenxinworkshop/chat/completions?access_token=${token}`, {
      method: 'POST',
      body: JSON.stringify({ messages: [{ role: 'user', content: 'hi' }] }),
    }).then((r) => r.json());

  it('issues a 30-day token only for the right key pair, and accepts only issued tokens', async () => {
    const bad = await fetch(tokenUrl(BAIDU_TEST_KEY.apiKey, 'wrong'), { method: 'POST' });
    expect(bad.status).toBe(401);
    expect(await bad.json()).toMatchObject({ error: 'invalid_client' });

    const ok = await fetch(tokenUrl(BAIDU_TEST_KEY.apiKey, BAIDU_TEST_KEY.secretKey), { method: 'POST' });
    const body = (await ok.json()) as { access_token: string; expires_in: number };
    expect(body.expires_in).toBe(2_592_000);

    expect(await chat('24.forged')).toEqual({
      error_code: 110,
      error_msg: 'Access token invalid or no longer valid',
    });
    expect(await chat(body.access_token)).toMatchObject({
      result: '你好，我是模拟助手。',
      finish_reason: 'normal',
    });
    mock.expireTokens();
    expect(await chat(body.access_token)).toEqual({ error_code: 111, error_msg: 'Access token expired' });
  });

  it('enforces ERNIE message rules', async () => {
    const ok = await fetch(tokenUrl(BAIDU_TEST_KEY.apiKey, BAIDU_TEST_KEY.secretKey), { method: 'POST' });
    const { access_token } = (await ok.json()) as { access_token: string };
    const res = await fetch(
      `${mock.url}/rpc/2.0/ai_custom/v1/wenxinworkshop/chat/completions?access_token=${access_token}`,
      {
        method: 'POST',
        body: JSON.stringify({
          messages: [
            { role: 'system', content: 'x' },
            { role: 'user', content: 'y' },
          ],
        }),
      },
    );
    expect(await res.json()).toMatchObject({ error_code: 336006 });
  });
});
