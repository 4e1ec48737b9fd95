import type { EntityManager } from '@mikro-orm/core';
import type { App } from '../../app.js';
import { badInput } from '../../common/errors.js';
import type { GraphqlContext } from '../../graphql/context.js';
import { isOptionKey, OPTION_DEFINITIONS, resolveOptions } from './option.definitions.js';
import { Option } from './option.entity.js';
import type { OptionType } from './option.type.js';

type Ctx = Pick<GraphqlContext, 'em' | 'user' | 'ip'>;

/** Known options only, each value checked by its schema; relay options publish a snapshot. */
export class OptionService {
  constructor(private readonly app: App) {}

  async list(em: EntityManager): Promise<OptionType[]> {
    const values = resolveOptions(await em.find(Option, {}));
    return Object.entries(OPTION_DEFINITIONS).map(([key, def]) => ({
      key,
      value: values[key as keyof typeof values],
      defaultValue: def.default,
      description: def.description,
      relay: def.relay,
    }));
  }

  /** The quotaPerUsd option alone (a decimal string), for the roles that may not list options. */
  async quotaPerUsd(em: EntityManager): Promise<string> {
    return resolveOptions(await em.find(Option, { key: 'quotaPerUsd' })).quotaPerUsd;
  }

  async set(ctx: Ctx, key: string, value: unknown): Promise<OptionType> {
    if (!isOptionKey(key))
      throw badInput('key', `Unknown option "${key}"; known: ${Object.keys(OPTION_DEFINITIONS).join(', ')}`);
    const def = OPTION_DEFINITIONS[key];
    const parsed = def.schema.safeParse(value);
    if (!parsed.success)
      throw badInput('value', `${key}: ${parsed.error.issues.map((i) => i.message).join('; ')}`);
    const row = await ctx.em.findOne(Option, { key });
    const before = row ? { key, value: JSON.parse(row.value) } : null;
    if (row) row.value = JSON.stringify(parsed.data);
    else ctx.em.create(Option, { key, value: JSON.stringify(parsed.data) });
    await ctx.em.flush();
    await this.app.services.audit.record(ctx, 'option.set', 'option', key, before, {
      key,
      value: parsed.data,
    });
    if (def.relay) await this.app.publisher.publishSnapshot();
    return (await this.list(ctx.em)).find((o) => o.key === key)!;
  }
}
