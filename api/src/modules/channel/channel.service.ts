import type { EntityManager } from '@mikro-orm/core';
import { encryptSecret, maskSecret } from '@switchboard/shared/crypto';
import { providerInfo, type ProviderInfo } from '@switchboard/shared/providers';
import type { ConfigMessage } from '@switchboard/shared/relay-config';
import type { App } from '../../app.js';
import { badInput, notFound } from '../../common/errors.js';
import { runCommands } from '../../common/redis.js';
import type { GraphqlContext } from '../../graphql/context.js';
import { rebuildAbilities } from '../ability/ability.service.js';
import { Group } from '../group/group.entity.js';
import { ModelPrice } from '../model-price/model-price.entity.js';
import { resolveOptions } from '../option/option.definitions.js';
import { Option } from '../option/option.entity.js';
import { Channel, KEY_STRATEGIES, type KeyStrategy } from './channel.entity.js';
import type { ChannelFieldsInput, CreateChannelInput, UpdateChannelInput } from './channel.input.js';
import * as v from './channel.validation.js';

type Ctx = Pick<GraphqlContext, 'em' | 'user' | 'ip'>;

/** Channel CRUD. Every change rewrites the channel's abilities and publishes a new snapshot. */
export class ChannelService {
  constructor(private readonly app: App) {}

  async create(ctx: Ctx, input: CreateChannelInput): Promise<Channel> {
    const provider = this.provider(input.type);
    const keys = v.validateKeys(input.keys, provider);
    const channel = ctx.em.create(Channel, {
      type: provider.type,
      name: this.name(input.name),
      keys: keys.map((k) => encryptSecret(k, this.app.channelKeyCipher)),
      keyHints: keys.map(maskSecret),
      baseUrl: v.validateBaseUrl(input.baseUrl, provider),
      models: await this.pricedModels(ctx.em, input.models),
      groups: await this.groups(ctx.em, input.groups ?? ['default']),
    });
    this.applyFields(channel, input, provider);
    await ctx.em.flush();
    await rebuildAbilities(ctx.em, channel);
    await this.app.services.audit.record(
      ctx,
      'channel.create',
      'channel',
      channel.id,
      null,
      auditView(channel),
    );
    await this.app.publisher.publishSnapshot();
    return channel;
  }

  async update(ctx: Ctx, id: number, input: UpdateChannelInput): Promise<Channel> {
    const channel = await this.get(ctx.em, id);
    const before = auditView(channel);
    const provider = this.provider(channel.type);
    if (input.name !== undefined && input.name !== null) channel.name = this.name(input.name);
    if (input.models) channel.models = await this.pricedModels(ctx.em, input.models);
    if (input.groups) channel.groups = await this.groups(ctx.em, input.groups);
    if (input.baseUrl !== undefined) channel.baseUrl = v.validateBaseUrl(input.baseUrl, provider);
    this.applyKeyChanges(channel, input, provider);
    this.applyFields(channel, input, provider);
    await ctx.em.flush();
    await rebuildAbilities(ctx.em, channel);
    await this.app.services.audit.record(
      ctx,
      'channel.update',
      'channel',
      channel.id,
      before,
      auditView(channel),
    );
    await this.app.publisher.publishSnapshot();
    const keysChanged =
      input.keys != null ||
      input.disabledKeys != null ||
      !!input.removeKeyIndexes?.length ||
      !!input.addKeys?.length;
    if (keysChanged) await this.clearLiveState([channel.id]);
    return channel;
  }

  /** Manual enable/disable. A manually disabled channel is never re-enabled by automation. */
  async setStatus(ctx: Ctx, ids: number[], enabled: boolean, reason: string | null): Promise<Channel[]> {
    const channels = await this.getMany(ctx.em, ids);
    for (const c of channels) {
      const before = { status: c.status, statusReason: c.statusReason };
      c.status = enabled ? 'enabled' : 'manually_disabled';
      c.statusReason = enabled ? null : (reason?.trim() || 'disabled by an admin').slice(0, 512);
      await rebuildAbilities(ctx.em, c);
      await this.app.services.audit.record(
        ctx,
        enabled ? 'channel.enable' : 'channel.disable',
        'channel',
        c.id,
        before,
        {
          status: c.status,
          statusReason: c.statusReason,
        },
      );
    }
    await ctx.em.flush();
    await this.app.publisher.publishSnapshot();
    if (enabled) await this.clearLiveState(channels.map((c) => c.id));
    return channels;
  }

  /**
   * Forgets what relays learned about these channels (cool-down, keys or the whole channel they
   * disabled; hash `channelState`) and tells every worker to reload it. Called after the new
   * snapshot is out, when an admin enables a channel or changes its keys: otherwise a relay-side
   * disable would outlive the admin's fix (and old key indexes would point at other keys).
   */
  async clearLiveState(ids: number[]): Promise<void> {
    if (!ids.length) return;
    const { redis, keys } = this.app;
    // One DEL per key: each channel's hash is in its own slot, and a multi-key DEL across
    // slots fails with CROSSSLOT on Redis Cluster (runCommands pipelines them otherwise).
    await runCommands(
      redis,
      ids.map((id) => ['DEL', keys.channelState(id)]),
    );
    for (const id of ids) {
      const message: ConfigMessage = { kind: 'channel-state', channelId: id };
      await redis.publish(keys.configChannel, JSON.stringify(message));
    }
  }

  async setPriority(ctx: Ctx, ids: number[], priority: number): Promise<Channel[]> {
    v.validatePriorityWeight(priority);
    const channels = await this.getMany(ctx.em, ids);
    for (const c of channels) {
      const before = { priority: c.priority };
      c.priority = priority;
      await rebuildAbilities(ctx.em, c);
      await this.app.services.audit.record(ctx, 'channel.set-priority', 'channel', c.id, before, {
        priority,
      });
    }
    await ctx.em.flush();
    await this.app.publisher.publishSnapshot();
    return channels;
  }

  async delete(ctx: Ctx, ids: number[]): Promise<number> {
    const channels = await this.getMany(ctx.em, ids);
    for (const c of channels) {
      await this.app.services.audit.record(ctx, 'channel.delete', 'channel', c.id, auditView(c), null);
      ctx.em.remove(c);
    }
    await ctx.em.flush();
    await this.app.publisher.publishSnapshot();
    return channels.length;
  }

  async get(em: EntityManager, id: number): Promise<Channel> {
    const channel = await em.findOne(Channel, id);
    if (!channel) throw notFound(`Channel ${id}`);
    return channel;
  }

  private async getMany(em: EntityManager, ids: number[]): Promise<Channel[]> {
    const unique = [...new Set(ids)];
    if (!unique.length) throw badInput('ids', 'Name at least one channel');
    if (unique.length > 1000) throw badInput('ids', 'At most 1000 channels at once');
    const channels = await em.find(Channel, { id: { $in: unique } });
    const missing = unique.filter((id) => !channels.some((c) => c.id === id));
    if (missing.length) throw notFound(`Channel ${missing.join(', ')}`);
    return channels;
  }

  private provider(type: string): ProviderInfo {
    const p = providerInfo(type);
    if (!p) throw badInput('type', `Unknown provider type "${type}" (see the providers query)`);
    return p;
  }

  /**
   * The relay refuses requests for models without a price; refuse them here first, with the
   * list, unless a default ratio is configured (option defaultModelRatio).
   */
  private async pricedModels(em: EntityManager, models: string[]): Promise<string[]> {
    const out = v.validateModels(models);
    const options = resolveOptions(await em.find(Option, {}));
    if (options.defaultModelRatio !== null) return out;
    const priced = new Set(
      (await em.find(ModelPrice, { model: { $in: out } }, { fields: ['model'] })).map((p) => p.model),
    );
    const unpriced = out.filter((m) => !priced.has(m));
    if (unpriced.length) {
      throw badInput(
        'models',
        `No price for ${unpriced.join(', ')}: add one under Pricing (upsertModelPrice) or set the defaultModelRatio option`,
      );
    }
    return out;
  }

  private name(value: string): string {
    const name = value.trim();
    if (!name || name.length > 128) throw badInput('name', 'Name must be 1–128 characters');
    return name;
  }

  private async groups(em: EntityManager, names: string[]): Promise<string[]> {
    const unique = [...new Set(names.map((g) => g.trim()).filter(Boolean))];
    if (!unique.length) throw badInput('groups', 'At least one group is required');
    const found = await em.find(Group, { name: { $in: unique } });
    const missing = unique.filter((g) => !found.some((f) => f.name === g));
    if (missing.length) throw badInput('groups', `Unknown group(s): ${missing.join(', ')}`);
    return unique;
  }

  private applyKeyChanges(channel: Channel, input: UpdateChannelInput, provider: ProviderInfo): void {
    const seal = (k: string) => encryptSecret(k, this.app.channelKeyCipher);
    if (input.keys) {
      const keys = v.validateKeys(input.keys, provider);
      channel.keys = keys.map(seal);
      channel.keyHints = keys.map(maskSecret);
      channel.disabledKeys = [];
    }
    if (input.removeKeyIndexes?.length) {
      const remove = new Set(v.validateDisabledKeys(input.removeKeyIndexes, channel.keys.length));
      const keep = channel.keys.map((_, i) => i).filter((i) => !remove.has(i));
      if (!keep.length && !input.addKeys?.length)
        throw badInput('removeKeyIndexes', 'A channel needs at least one key');
      // Disabled indexes shift with the removal.
      channel.disabledKeys = channel.disabledKeys.filter((i) => !remove.has(i)).map((i) => keep.indexOf(i));
      channel.keys = keep.map((i) => channel.keys[i]!);
      channel.keyHints = keep.map((i) => channel.keyHints[i]!);
    }
    if (input.addKeys?.length) {
      const added = v.validateKeys(input.addKeys, provider, 'addKeys');
      channel.keys = [...channel.keys, ...added.map(seal)];
      channel.keyHints = [...channel.keyHints, ...added.map(maskSecret)];
    }
    if (input.disabledKeys)
      channel.disabledKeys = v.validateDisabledKeys(input.disabledKeys, channel.keys.length);
  }

  private applyFields(channel: Channel, input: ChannelFieldsInput, provider: ProviderInfo): void {
    v.validatePriorityWeight(input.priority ?? undefined, input.weight ?? undefined);
    if (input.priority != null) channel.priority = input.priority;
    if (input.weight != null) channel.weight = input.weight;
    if (input.modelMapping) channel.modelMapping = v.validateModelMapping(input.modelMapping);
    if (input.headers) channel.headers = v.validateHeaders(input.headers);
    if (input.passthroughHeaders)
      channel.passthroughHeaders = v.validatePassthroughHeaders(input.passthroughHeaders);
    if (input.timeouts?.connectMs != null) {
      channel.connectTimeoutMs = v.validateTimeout(input.timeouts.connectMs, 'timeouts.connectMs');
    }
    if (input.timeouts?.firstByteMs != null) {
      channel.firstByteTimeoutMs = v.validateTimeout(input.timeouts.firstByteMs, 'timeouts.firstByteMs');
    }
    if (input.timeouts?.streamIdleMs != null) {
      channel.streamIdleTimeoutMs = v.validateTimeout(input.timeouts.streamIdleMs, 'timeouts.streamIdleMs');
    }
    if (input.keyStrategy != null) {
      if (!KEY_STRATEGIES.includes(input.keyStrategy as KeyStrategy)) {
        throw badInput('keyStrategy', `Must be one of ${KEY_STRATEGIES.join(', ')}`);
      }
      channel.keyStrategy = input.keyStrategy as KeyStrategy;
    }
    if (input.streamUsage != null) channel.streamUsage = input.streamUsage;
    if (input.autoTest != null) channel.autoTest = input.autoTest;
    if (input.autoDisable != null) channel.autoDisable = input.autoDisable;
    // Validate on create even when absent, so required provider fields get their defaults.
    if (input.config || !channel.id)
      channel.config = v.validateConfig(input.config ?? channel.config, provider);
  }
}

/** The channel as the audit log records it: keys only as their masked hints. */
function auditView(c: Channel): Record<string, unknown> {
  const { keys: _sealed, ...rest } = c;
  return { ...rest, keyHints: c.keyHints };
}
