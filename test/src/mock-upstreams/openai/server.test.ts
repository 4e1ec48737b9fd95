import OpenAI from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type MockOpenAI, REPLY_WORDS, startMockOpenAI } from './server.js';

describe('mock OpenAI upstream', () => {
  let mock: MockOpenAI;
  let client: OpenAI;
  beforeAll(async () => {
    mock = await startMockOpenAI({ keys: ['sk-good'] });
    client = new OpenAI({ apiKey: 'sk-good', baseURL: mock.baseUrl, maxRetries: 0 });
  });
  afterAll(() => mock.close());

  it('answers chat completions, streamed with a usage chunk', async () => {
    const r = await client.chat.completions.create({
      model: 'gpt-4o',
      messages: [{ role: 'user', content: 'hi' }],
    });
    expect(r.choices[0]!.message.content).toBe(REPLY_WORDS.join(''));
    expect(r.usage!.completion_tokens).toBe(REPLY_WORDS.length);
    const stream = await client.chat.completions.create({
      model: 'gpt-4o',
      messages: [{ role: 'user', content: 'hi' }],
      stream: true,
      stream_options: { include_usage: true },
    });
    let text = '';
    let usage: unknown = null;
    for await (const c of stream) {
      text += c.choices[0]?.delta.content ?? '';
      if (c.usage) usage = c.usage;
    }
    expect(text).toBe(REPLY_WORDS.join(''));
    expect(usage).toMatchObject({ completion_tokens: REPLY_WORDS.length });
  });

  it('rejects a wrong key with OpenAI error body and honours error modes', async () => {
    const bad = new OpenAI({ apiKey: 'sk-bad', baseURL: mock.baseUrl, maxRetries: 0 });
    await expect(bad.models.list()).rejects.toMatchObject({ status: 401, code: 'invalid_api_key' });
    mock.setMode({ error: 'insufficient_quota' });
    await expect(client.models.list()).rejects.toMatchObject({ status: 429, code: 'insufficient_quota' });
    mock.setMode(null);
    expect((await client.models.list()).data.length).toBeGreaterThan(0);
  });

  it('speaks the Responses API with stored responses and usage in response.completed', async () => {
    const r = await client.responses.create({ model: 'gpt-4o', input: 'hello' });
    expect(r.output_text).toBe(REPLY_WORDS.join(''));
    const again = await client.responses.retrieve(r.id);
    expect(again.id).toBe(r.id);
    const stream = await client.responses.create({
      model: 'gpt-4o',
      input: 'x',
      stream: true,
      previous_response_id: r.id,
    });
    let completed: unknown = null;
    for await (const ev of stream) if (ev.type === 'response.completed') completed = ev.response.usage;
    expect(completed).toMatchObject({ output_tokens: REPLY_WORDS.length });
    await client.responses.delete(r.id);
    await expect(client.responses.retrieve(r.id)).rejects.toMatchObject({ status: 404 });
  });

  it('embeddings as base64 and transcription via multipart', async () => {
    const e = await client.embeddings.create({ model: 'text-embedding-3-small', input: ['a', 'b'] });
    expect(e.data).toHaveLength(2);
    expect(e.data[0]!.embedding).toHaveLength(8);
    const t = await client.audio.transcriptions.create({
      model: 'whisper-1',
      file: new File([Buffer.alloc(32_000)], 'a.mp3', { type: 'audio/mpeg' }),
    });
    expect(t.text).toContain('32000 bytes');
  });
});
