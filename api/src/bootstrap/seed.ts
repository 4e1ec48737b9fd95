import type { EntityManager } from '@mikro-orm/core';
import { randomBytes } from 'node:crypto';
import { DEFAULT_PRICES } from '@switchboard/shared/pricing';
import { hashPassword } from '../modules/auth/password.js';
import { Group } from '../modules/group/group.entity.js';
import { ModelPrice } from '../modules/model-price/model-price.entity.js';
import { Option } from '../modules/option/option.entity.js';
import { User } from '../modules/user/user.entity.js';

export interface SeedResult {
  /** Set only when the root user was created now with a generated password (print it once). */
  generatedRootPassword: string | null;
  rootCreated: boolean;
  pricesSeeded: number;
}

/**
 * First-start data: the root user, the `default` group and default prices. Each part runs only
 * when absent (prices: only while the table has never been seeded, so deleted prices stay deleted).
 */
export async function seed(em: EntityManager, rootPassword: string | undefined): Promise<SeedResult> {
  const result: SeedResult = { generatedRootPassword: null, rootCreated: false, pricesSeeded: 0 };
  if (!(await em.count(User, { role: 'root' }))) {
    const password = rootPassword ?? randomBytes(18).toString('base64url');
    em.create(User, {
      username: 'root',
      passwordHash: await hashPassword(password),
      role: 'root',
      // A generated password was printed to the log: its owner should replace it.
      mustChangePassword: !rootPassword,
    });
    result.rootCreated = true;
    if (!rootPassword) result.generatedRootPassword = password;
  }
  if (!(await em.count(Group, { name: 'default' }))) {
    em.create(Group, { name: 'default', ratio: '1', description: 'Everyone starts here' });
  }
  if (!(await em.count(Option, { key: 'seed.prices' }))) {
    const existing = new Set((await em.find(ModelPrice, {})).map((p) => p.model));
    for (const p of DEFAULT_PRICES) {
      if (existing.has(p.model)) continue;
      em.create(ModelPrice, {
        model: p.model,
        modelRatio: p.modelRatio,
        completionRatio: p.completionRatio,
        cachedRatio: p.cachedRatio ?? '1',
        cacheWriteRatio: p.cacheWriteRatio ?? '1',
        defaultMaxOutputTokens: p.defaultMaxOutputTokens ?? 4096,
      });
      result.pricesSeeded++;
    }
    em.create(Option, { key: 'seed.prices', value: JSON.stringify(new Date().toISOString()) });
  }
  await em.flush();
  return result;
}
