import { anthropicAdapter } from './anthropic/anthropic-adapter.js';
import { azureAdapter } from './azure/azure-adapter.js';
import type { ProviderAdapter } from './contract.js';
import { geminiAdapter } from './gemini/gemini-adapter.js';
import { openaiAdapters } from './openai/openai-adapter.js';

/**
 * Every provider adapter, registered explicitly: adding a provider is its folder plus one
 * line here (and its entry in shared/providers).
 */
const adapters: ProviderAdapter[] = [...openaiAdapters, anthropicAdapter, geminiAdapter, azureAdapter];

const byType = new Map(adapters.map((a) => [a.type, a]));

export function adapterFor(type: string): ProviderAdapter | undefined {
  return byType.get(type);
}

export function registeredTypes(): string[] {
  return [...byType.keys()];
}
