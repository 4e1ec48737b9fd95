import { isValidRatio } from '@switchboard/shared/pricing';
import type { App } from '../../app.js';
import { AppError, badInput, notFound } from '../../common/errors.js';
import type { GraphqlContext } from '../../graphql/context.js';
import { Channel } from '../channel/channel.entity.js';
import { Token } from '../token/token.entity.js';
import { User } from '../user/user.entity.js';
import { Group } from './group.entity.js';

type Ctx = Pick<GraphqlContext, 'em' | 'user' | 'ip'>;

const NAME = /^[A-Za-z0-9_.-]{1,64}$/;

/** Groups (price tiers). Names are fixed once created: users, tokens and channels refer to them. */
export class GroupService {
  constructor(private readonly app: App) {}

  async create(ctx: Ctx, name: string, ratio: string, description: string | null): Promise<Group> {
    const n = name.trim();
    if (!NAME.test(n)) throw badInput('name', '1–64 characters: letters, digits, "_", "." or "-"');
    if (await ctx.em.count(Group, { name: n })) throw new AppError('CONFLICT', `Group "${n}" exists`, 'name');
    const group = ctx.em.create(Group, { name: n, ratio: validRatio(ratio), description: desc(description) });
    await ctx.em.flush();
    await this.app.services.audit.record(ctx, 'group.create', 'group', group.id, null, { ...group });
    await this.app.publisher.publishSnapshot();
    return group;
  }

  async update(ctx: Ctx, id: number, ratio?: string | null, description?: string | null): Promise<Group> {
    const group = await ctx.em.findOne(Group, id);
    if (!group) throw notFound(`Group ${id}`);
    const before = { ...group };
    if (ratio != null) group.ratio = validRatio(ratio);
    if (description !== undefined) group.description = desc(description);
    await ctx.em.flush();
    await this.app.services.audit.record(ctx, 'group.update', 'group', group.id, before, { ...group });
    await this.app.publisher.publishSnapshot();
    return group;
  }

  /** Refused while anything still names the group. */
  async delete(ctx: Ctx, id: number): Promise<boolean> {
    const group = await ctx.em.findOne(Group, id);
    if (!group) throw notFound(`Group ${id}`);
    if (group.name === 'default') throw new AppError('CONFLICT', 'The default group cannot be deleted');
    const users = await ctx.em.count(User, { group: group.name });
    const tokens = await ctx.em.count(Token, { group: group.name });
    const channels = (await ctx.em.find(Channel, {})).filter((c) => c.groups.includes(group.name)).length;
    if (users || tokens || channels) {
      throw new AppError(
        'CONFLICT',
        `Group "${group.name}" is still used by ${users} user(s), ${tokens} token(s) and ${channels} channel(s)`,
      );
    }
    await this.app.services.audit.record(ctx, 'group.delete', 'group', group.id, { ...group }, null);
    ctx.em.remove(group);
    await ctx.em.flush();
    await this.app.publisher.publishSnapshot();
    return true;
  }
}

function validRatio(value: string): string {
  const v = value.trim();
  if (!isValidRatio(v))
    throw badInput('ratio', 'A non-negative decimal with at most 9 decimals, e.g. "1" or "0.85"');
  return v;
}

function desc(value: string | null | undefined): string | null {
  const v = value?.trim() || null;
  if (v && v.length > 255) throw badInput('description', 'At most 255 characters');
  return v;
}
