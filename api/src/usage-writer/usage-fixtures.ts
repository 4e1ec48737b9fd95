import type { EntityManager } from '@mikro-orm/core';
import type { UsageRecord } from '@switchboard/shared/usage';
import { randomBytes } from 'node:crypto';
import { Channel } from '../modules/channel/channel.entity.js';
import { Token } from '../modules/token/token.entity.js';
import { User } from '../modules/user/user.entity.js';

/** A customer with one limited token and one channel, written straight to MySQL (tests, tools). */
export async function seedUsageOwner(
  em: EntityManager,
  opts: {
    quota?: bigint;
    remainQuota?: bigint;
    unlimited?: boolean;
    role?: User['role'];
    createdById?: number;
  } = {},
): Promise<{ user: User; token: Token; channel: Channel }> {
  const tag = randomBytes(4).toString('hex');
  const user = em.create(User, {
    username: `u-${tag}`,
    passwordHash: 'not-a-real-hash',
    role: opts.role ?? 'user',
    quota: opts.quota ?? 10_000_000_000n,
    createdById: opts.createdById ?? null,
  });
  const token = em.create(Token, {
    user,
    name: `t-${tag}`,
    keyHash: randomBytes(32).toString('hex'),
    keyPrefix: 'sk-test',
    unlimited: opts.unlimited ?? false,
    remainQuota: opts.remainQuota ?? 5_000_000_000n,
  });
  const channel = em.create(Channel, {
    type: 'openai',
    name: `c-${tag}`,
    keys: [],
    keyHints: [],
    baseUrl: 'http://127.0.0.1:1/v1',
    models: ['gpt-4o-mini'],
    groups: ['default'],
  });
  await em.flush();
  return { user, token, channel };
}

let seq = 0;

/** A terminal usage record as the relay's settlement writes it. */
export function usageRecord(
  over: Partial<UsageRecord> & Pick<UsageRecord, 'userId' | 'tokenId'>,
): UsageRecord {
  seq++;
  return {
    requestId: `req-${Date.now().toString(36)}-${seq}-${randomBytes(4).toString('hex')}`,
    time: Date.now(),
    channelId: null,
    endpoint: 'chat.completions',
    model: 'gpt-4o-mini',
    upstreamModel: null,
    group: 'default',
    promptTokens: 10,
    completionTokens: 20,
    cachedTokens: 0,
    cacheWriteTokens: 0,
    reasoningTokens: 0,
    quota: '123',
    latencyMs: 100,
    ttftMs: null,
    stream: false,
    status: 'success',
    httpStatus: 200,
    errorMessage: null,
    clientIp: '127.0.0.1',
    usageEstimated: false,
    attempts: [],
    ...over,
  };
}
