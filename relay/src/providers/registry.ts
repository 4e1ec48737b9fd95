import { anthropicAdapter } from './anthropic/anthropic-adapter.js';
import { azureAdapter } from './azure/azure-adapter.js';
import { baiduAdapter } from './baidu/baidu-adapter.js';
import { bedrockAdapter } from './bedrock/bedrock-adapter.js';
import type { ProviderAdapter } from './contract.js';
import { geminiAdapter } from './gemini/gemini-adapter.js';
import { hunyuanAdapter } from './hunyuan/hunyuan-adapter.js';
import { openaiAdapters } from './openai/openai-adapter.js';
import { qwenAdapter } from './qwen/qwen-adapter.js';
import { sparkAdapter } from './spark/spark-adapter.js';
import { zhipuAdapter } from './zhipu/zhipu-adapter.js';

/**
 * Every provider adapter, registered explicitly: adding a provider is its folder plus one
 * line here (and its entry in shared/providers).
 */
const adapters: ProviderAdapter[] = [
  ...openaiAdapters,
  anthropicAdapter,
  geminiAdapter,
  azureAdapter,
  baiduAdapter,
  qwenAdapter,
  zhipuAdapter,
  sparkAdapter,
  hunyuanAdapter,
  bedrockAdapter,
];

const byType = new Map(adapters.map((a) => [a.type, a]));

export function adapterFor(type: string): ProviderAdapter | undefined {
  return byType.get(type);
}

export function registeredTypes(): string[] {
  return [...byType.keys()];
}
