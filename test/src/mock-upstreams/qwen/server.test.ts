import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CnMock } from '../cn-kit.js';
import { QWEN_TEST_KEY, startMockQwen } from './server.js';

// The mock's own Bearer check and DashScope wire format, exercised with plain fetch.
describe('mock qwen (DashScope)', () => {
  let mock: CnMock;
  beforeAll(async () => {
    mock = await startMockQwen();
  });
  afterAll(() => mock.close());
  const call = (
    key: string,
    headers: Record<string, string> = {},
    parameters: Record<string, unknown> = {},
  ) =>
    fetch(`${mock.url}/api/v1/services/aigc/text-generation/generation`, {
      method: 'POST',
      headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json', ...headers },
      body: JSON.stringify({
        model: 'qwen-plus',
        input: { messages: [{ role: 'user', content: 'hi' }] },
        parameters,
      }),
    });

  it('refuses a wrong key with InvalidApiKey', async () => {
    const res = await call('sk-wrong');
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ code: 'InvalidApiKey' });
  });

  it('streams id/event/data frames, cumulative unless incremental_output', async () => {
    const full = await (
      await call(QWEN_TEST_KEY, { 'x-dashscope-sse': 'enable' }, { result_format: 'message' })
    ).text();
    expect(full).toContain('event:result\n:HTTP_STATUS/200\ndata:');
    expect(full).toContain('"content":"你好，我是"');
    const inc = await (
      await call(
        QWEN_TEST_KEY,
        { 'x-dashscope-sse': 'enable' },
        { result_format: 'message', incremental_output: true },
      )
    ).text();
    expect(inc).toContain('"content":"，我是"');
  });
});
