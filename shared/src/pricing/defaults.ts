/**
 * Default prices for common models, in One-API ratio terms (ratio = USD per 1M input tokens ÷ 2;
 * completionRatio = output price ÷ input price). Seeded into MySQL on first start; admins edit
 * them from there. Prices as published by the providers in 2025–2026; check before relying on them.
 */
export interface DefaultPrice {
  model: string;
  modelRatio: string;
  completionRatio: string;
  cachedRatio?: string;
  cacheWriteRatio?: string;
  defaultMaxOutputTokens?: number;
}

const p = (
  model: string,
  inputUsdPerM: number,
  outputUsdPerM: number,
  extra: Partial<DefaultPrice> = {},
): DefaultPrice => ({
  model,
  modelRatio: trim(inputUsdPerM / 2),
  completionRatio: trim(inputUsdPerM === 0 ? 1 : outputUsdPerM / inputUsdPerM),
  ...extra,
});

function trim(n: number): string {
  return Number(n.toFixed(9)).toString();
}

export const DEFAULT_PRICES: DefaultPrice[] = [
  p('gpt-4o', 2.5, 10, { cachedRatio: '0.5' }),
  p('gpt-4o-mini', 0.15, 0.6, { cachedRatio: '0.5' }),
  p('gpt-4.1', 2, 8, { cachedRatio: '0.25' }),
  p('gpt-4.1-mini', 0.4, 1.6, { cachedRatio: '0.25' }),
  p('gpt-4.1-nano', 0.1, 0.4, { cachedRatio: '0.25' }),
  p('gpt-3.5-turbo', 0.5, 1.5),
  p('gpt-4-turbo', 10, 30),
  p('o1', 15, 60, { cachedRatio: '0.5' }),
  p('o3', 2, 8, { cachedRatio: '0.25' }),
  p('o3-mini', 1.1, 4.4, { cachedRatio: '0.5' }),
  p('o4-mini', 1.1, 4.4, { cachedRatio: '0.25' }),
  p('text-embedding-3-small', 0.02, 0.02),
  p('text-embedding-3-large', 0.13, 0.13),
  p('text-embedding-ada-002', 0.1, 0.1),
  p('claude-3-5-haiku-latest', 0.8, 4, { cachedRatio: '0.1', cacheWriteRatio: '1.25' }),
  p('claude-3-7-sonnet-latest', 3, 15, { cachedRatio: '0.1', cacheWriteRatio: '1.25' }),
  p('claude-sonnet-4-20250514', 3, 15, { cachedRatio: '0.1', cacheWriteRatio: '1.25' }),
  p('claude-opus-4-20250514', 15, 75, { cachedRatio: '0.1', cacheWriteRatio: '1.25' }),
  p('gemini-2.0-flash', 0.1, 0.4, { cachedRatio: '0.25' }),
  p('gemini-2.5-flash', 0.3, 2.5, { cachedRatio: '0.25' }),
  p('gemini-2.5-pro', 1.25, 10, { cachedRatio: '0.25' }),
  p('deepseek-chat', 0.27, 1.1, { cachedRatio: '0.26' }),
  p('deepseek-reasoner', 0.55, 2.19, { cachedRatio: '0.26' }),
  p('moonshot-v1-8k', 1.66, 1.66),
  p('qwen-plus', 0.4, 1.2),
  p('qwen-turbo', 0.05, 0.2),
  p('qwen-max', 1.6, 6.4),
  p('glm-4-plus', 6.9, 6.9),
  p('glm-4-flash', 0, 0),
  p('ernie-4.0-8k', 4.2, 4.2),
  p('ernie-3.5-8k', 0.17, 0.17),
  p('hunyuan-turbo', 2.1, 7),
  p('hunyuan-lite', 0, 0),
  p('generalv3.5', 4.2, 4.2),
  p('4.0Ultra', 14, 14),
  p('doubao-pro-32k', 0.11, 0.28),
];
