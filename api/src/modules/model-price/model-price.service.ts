import { formatRatio, isValidRatio, parseRatio, ratioFromUsdPerMillion } from '@switchboard/shared/pricing';
import type { App } from '../../app.js';
import { badInput, notFound } from '../../common/errors.js';
import type { GraphqlContext } from '../../graphql/context.js';
import { ModelPrice } from './model-price.entity.js';
import type { ModelPriceInput } from './model-price.type.js';

type Ctx = Pick<GraphqlContext, 'em' | 'user' | 'ip'>;

/** Prices per model; every change publishes a new snapshot. */
export class ModelPriceService {
  constructor(private readonly app: App) {}

  /** Creates or replaces the price of `input.model` (absent fields: defaults on create, unchanged on update). */
  async upsert(ctx: Ctx, input: ModelPriceInput): Promise<ModelPrice> {
    const model = input.model.trim();
    if (!model || model.length > 191) throw badInput('model', 'Model name must be 1–191 characters');
    let price = await ctx.em.findOne(ModelPrice, { model });
    const before = price ? { ...price } : null;
    const modelRatio = this.modelRatio(input) ?? price?.modelRatio;
    if (!modelRatio) throw badInput('modelRatio', 'Give modelRatio or inputUsdPerMillion');
    price ??= ctx.em.create(ModelPrice, { model, modelRatio });
    price.modelRatio = modelRatio;
    const completion = this.completionRatio(input, modelRatio);
    if (completion) price.completionRatio = completion;
    if (input.cachedRatio != null) price.cachedRatio = ratio(input.cachedRatio, 'cachedRatio');
    if (input.cacheWriteRatio != null)
      price.cacheWriteRatio = ratio(input.cacheWriteRatio, 'cacheWriteRatio');
    if (input.reasoningRatio !== undefined) {
      price.reasoningRatio =
        input.reasoningRatio == null ? null : ratio(input.reasoningRatio, 'reasoningRatio');
    }
    if (input.perCallQuota != null) price.perCallQuota = quota(input.perCallQuota, 'perCallQuota');
    if (input.imagePrices) price.imagePrices = imagePrices(input.imagePrices);
    if (input.audioPerMinuteQuota !== undefined) {
      price.audioPerMinuteQuota =
        input.audioPerMinuteQuota == null ? null : quota(input.audioPerMinuteQuota, 'audioPerMinuteQuota');
    }
    if (input.audioPer1kCharsQuota !== undefined) {
      price.audioPer1kCharsQuota =
        input.audioPer1kCharsQuota == null ? null : quota(input.audioPer1kCharsQuota, 'audioPer1kCharsQuota');
    }
    if (input.defaultMaxOutputTokens != null) {
      const n = input.defaultMaxOutputTokens;
      if (!Number.isInteger(n) || n < 1 || n > 10_000_000)
        throw badInput('defaultMaxOutputTokens', 'Must be 1–10000000');
      price.defaultMaxOutputTokens = n;
    }
    await ctx.em.flush();
    await this.app.services.audit.record(
      ctx,
      before ? 'price.update' : 'price.create',
      'model_price',
      model,
      before,
      {
        ...price,
      },
    );
    await this.app.publisher.publishSnapshot();
    return price;
  }

  async delete(ctx: Ctx, models: string[]): Promise<number> {
    const prices = await ctx.em.find(ModelPrice, { model: { $in: models } });
    if (!prices.length) throw notFound(`Price for ${models.join(', ')}`);
    for (const p of prices) {
      await this.app.services.audit.record(ctx, 'price.delete', 'model_price', p.model, { ...p }, null);
      ctx.em.remove(p);
    }
    await ctx.em.flush();
    await this.app.publisher.publishSnapshot();
    return prices.length;
  }

  private modelRatio(input: ModelPriceInput): string | undefined {
    if (input.modelRatio != null) return ratio(input.modelRatio, 'modelRatio');
    if (input.inputUsdPerMillion != null)
      return ratioFromUsdPerMillion(ratio(input.inputUsdPerMillion, 'inputUsdPerMillion'));
    return undefined;
  }

  private completionRatio(input: ModelPriceInput, modelRatio: string): string | undefined {
    if (input.completionRatio != null) return ratio(input.completionRatio, 'completionRatio');
    if (input.outputUsdPerMillion == null) return undefined;
    const out = parseRatio(ratio(input.outputUsdPerMillion, 'outputUsdPerMillion'));
    const inUsd = parseRatio(modelRatio) * 2n;
    if (inUsd === 0n)
      throw badInput(
        'outputUsdPerMillion',
        'A free input price has no output multiple; give completionRatio',
      );
    // completion ratio = output price ÷ input price, rounded to 9 decimals.
    return formatRatio((out * 1_000_000_000n) / inUsd);
  }
}

function ratio(value: string, field: string): string {
  const v = value.trim();
  if (!isValidRatio(v)) throw badInput(field, 'A non-negative decimal with at most 9 decimals, e.g. "1.25"');
  return v;
}

function quota(value: bigint, field: string): bigint {
  if (value < 0n) throw badInput(field, 'Must not be negative');
  return value;
}

function imagePrices(value: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(value)) {
    if (!/^(\*|\d+x\d+(\|[a-z0-9_-]+)?|\*\|[a-z0-9_-]+)$/.test(k)) {
      throw badInput('imagePrices', `Key "${k}" must be "*", "<w>x<h>" or "<w>x<h>|<quality>"`);
    }
    const s = typeof v === 'number' && Number.isSafeInteger(v) ? String(v) : v;
    if (typeof s !== 'string' || !/^\d{1,18}$/.test(s))
      throw badInput('imagePrices', `"${k}" must be an integer quota`);
    out[k] = s;
  }
  return out;
}
