import {
  type MockOpenAI,
  REPLY_WORDS,
  startMockOpenAI,
} from '@switchboard/test/mock-upstreams/openai/server';
import OpenAI from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RelayFixture } from '../testing/relay-fixture.js';

const REPLY = REPLY_WORDS.join('');

/** Stored Responses API responses: reachable only by the user who created them. */
describe('responses by id: ownership, streaming replay, input_items, cancel', () => {
  const fx = new RelayFixture('respown');
  let mock: MockOpenAI;
  let alice: OpenAI;
  let bob: OpenAI;
  let aliceKey: string;
  let bobKey: string;

  beforeAll(async () => {
    mock = await startMockOpenAI({ keys: ['sk-upstream-1'] });
    await fx.publishSnapshot([{ id: 7, baseUrl: mock.url, keys: ['sk-upstream-1'], models: ['gpt-4o'] }]);
    aliceKey = await fx.token({ userId: 1, tokenId: 11, userQuota: 10_000_000 });
    bobKey = await fx.token({ userId: 2, tokenId: 21, userQuota: 10_000_000 });
    await fx.startInProcess();
    alice = new OpenAI({ apiKey: aliceKey, baseURL: fx.v1, maxRetries: 0 });
    bob = new OpenAI({ apiKey: bobKey, baseURL: fx.v1, maxRetries: 0 });
  });
  afterAll(async () => {
    await fx.stop();
    await mock.close();
  });

  const notFound = (id: string) => ({
    status: 404,
    error: {
      message: `Response with id '${id}' not found.`,
      type: 'invalid_request_error',
      param: null,
      code: 'not_found',
    },
  });

  async function raw(key: string, method: string, path: string): Promise<{ status: number; body: unknown }> {
    const r = await fetch(`${fx.v1}${path}`, { method, headers: { authorization: `Bearer ${key}` } });
    return { status: r.status, body: await r.json() };
  }

  it('stores channel and user as the owner', async () => {
    const created = await alice.responses.create({ model: 'gpt-4o', input: 'hello' });
    expect(await fx.redis.get(fx.keys.responseOwner(created.id))).toBe('7:1');
  });

  it("another user's GET, DELETE, input_items, cancel and previous_response_id answer 404 without reaching upstream", async () => {
    const created = await alice.responses.create({ model: 'gpt-4o', input: 'secret' });
    const upstreamBefore = mock.hits();
    for (const [method, path] of [
      ['GET', `/responses/${created.id}`],
      ['GET', `/responses/${created.id}?stream=true`],
      ['DELETE', `/responses/${created.id}`],
      ['GET', `/responses/${created.id}/input_items`],
      ['POST', `/responses/${created.id}/cancel`],
    ] as const) {
      const r = await raw(bobKey, method, path);
      expect({ status: r.status, ...(r.body as object) }, `${method} ${path}`).toEqual(notFound(created.id));
    }
    const followUp = await fetch(`${fx.v1}/responses`, {
      method: 'POST',
      headers: { authorization: `Bearer ${bobKey}`, 'content-type': 'application/json' },
      body: JSON.stringify({ model: 'gpt-4o', input: 'continue', previous_response_id: created.id }),
    });
    expect(followUp.status).toBe(404);
    expect(await followUp.json()).toEqual({
      error: {
        message: `Previous response with id '${created.id}' not found.`,
        type: 'invalid_request_error',
        param: 'previous_response_id',
        code: 'not_found',
      },
    });
    // The official client sees OpenAI's not-found too.
    await expect(bob.responses.inputItems.list(created.id)).rejects.toMatchObject({ status: 404 });
    expect(mock.hits()).toBe(upstreamBefore);
    // Bob's attempts changed nothing: the owner still reads and continues it.
    expect((await alice.responses.retrieve(created.id)).output_text).toBe(REPLY);
    const next = await alice.responses.create({
      model: 'gpt-4o',
      input: 'continue',
      previous_response_id: created.id,
    });
    expect(next.previous_response_id).toBe(created.id);
    await alice.responses.delete(created.id);
    await expect(alice.responses.retrieve(created.id)).rejects.toMatchObject({ status: 404 });
  });

  it('an owner entry without a user (written before owners were recorded) belongs to no one', async () => {
    const created = await alice.responses.create({ model: 'gpt-4o', input: 'old' });
    await fx.redis.set(fx.keys.responseOwner(created.id), '7');
    const r = await raw(aliceKey, 'GET', `/responses/${created.id}`);
    expect({ status: r.status, ...(r.body as object) }).toEqual(notFound(created.id));
  });

  it('GET ?stream=true replays the stored response as SSE', async () => {
    const created = await alice.responses.create({ model: 'gpt-4o', input: 'replay me' });
    const stream = await alice.responses.retrieve(created.id, { stream: true });
    const types: string[] = [];
    let text = '';
    let completedId = '';
    for await (const ev of stream) {
      types.push(ev.type);
      if (ev.type === 'response.output_text.delta') text += ev.delta;
      if (ev.type === 'response.completed') completedId = ev.response.id;
    }
    expect(types[0]).toBe('response.created');
    expect(types.at(-1)).toBe('response.completed');
    expect(text).toBe(REPLY);
    expect(completedId).toBe(created.id);
    expect(mock.requests.at(-1)).toMatchObject({ method: 'GET', path: `/responses/${created.id}` });
    // event: lines are kept (the SDK dispatches on them) and starting_after reaches upstream:
    // events 0-3 are created, in_progress, output_item.added, content_part.added.
    const after = await fetch(`${fx.v1}/responses/${created.id}?stream=true&starting_after=3`, {
      headers: { authorization: `Bearer ${aliceKey}` },
    });
    expect(after.headers.get('content-type')).toContain('text/event-stream');
    const body = await after.text();
    expect(body.startsWith('event: response.output_text.delta\ndata: ')).toBe(true);
    expect(body).not.toContain('response.created');
  });

  it('input_items lists what the response was given', async () => {
    const created = await alice.responses.create({ model: 'gpt-4o', input: 'what did I say?' });
    const page = await alice.responses.inputItems.list(created.id);
    expect(page.data).toHaveLength(1);
    expect(page.data[0]).toMatchObject({
      type: 'message',
      role: 'user',
      content: [{ type: 'input_text', text: 'what did I say?' }],
    });
    expect(mock.requests.at(-1)).toMatchObject({
      method: 'GET',
      path: `/responses/${created.id}/input_items`,
    });
  });

  it('cancel goes to the owning channel: a background response is cancelled, a synchronous one is refused', async () => {
    const bg = await alice.responses.create({ model: 'gpt-4o', input: 'long job', background: true });
    const cancelled = await alice.responses.cancel(bg.id);
    expect(cancelled).toMatchObject({ id: bg.id, status: 'cancelled' });
    expect(mock.requests.at(-1)).toMatchObject({ method: 'POST', path: `/responses/${bg.id}/cancel` });
    const sync = await alice.responses.create({ model: 'gpt-4o', input: 'quick' });
    await expect(alice.responses.cancel(sync.id)).rejects.toMatchObject({
      status: 400,
      message: expect.stringContaining('Cannot cancel a synchronous response.'),
    });
  });

  it('unknown sub-resources and methods are not routed', async () => {
    const created = await alice.responses.create({ model: 'gpt-4o', input: 'x' });
    expect((await raw(aliceKey, 'POST', `/responses/${created.id}`)).status).toBe(404);
    expect((await raw(aliceKey, 'GET', `/responses/${created.id}/cancel`)).status).toBe(404);
    expect((await raw(aliceKey, 'GET', `/responses/${created.id}/input_items/x`)).status).toBe(404);
  });
});
