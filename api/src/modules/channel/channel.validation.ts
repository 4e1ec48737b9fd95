import { keyPartsRange, normalizeOpenAIBaseUrl, type ProviderInfo } from '@switchboard/shared/providers';
import { badInput } from '../../common/errors.js';

/**
 * Channel input checks. Each throws BAD_USER_INPUT naming the offending field, so the console
 * can put the message beside it.
 */
const MAX_TIMEOUT_MS = 3_600_000;
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]{1,128}$/;
/** Headers the gateway owns; setting them per channel would break the request. */
const RESERVED_HEADERS = new Set([
  'host',
  'content-length',
  'transfer-encoding',
  'connection',
  'upgrade',
  'te',
]);

export function validateKeys(keys: string[], provider: ProviderInfo, field = 'keys'): string[] {
  const out = keys.map((k) => k.trim());
  if (!out.length) throw badInput(field, 'At least one key is required');
  if (out.length > 1000) throw badInput(field, 'At most 1000 keys per channel');
  const keyPattern = provider.keyPattern ? new RegExp(provider.keyPattern) : null;
  // Trailing parts may be optional (Bedrock's session token): any count in min..max passes.
  const { min, max } = keyPartsRange(provider);
  const partsText = min === max ? `${min}` : `${min} to ${max}`;
  out.forEach((key, i) => {
    if (!key) throw badInput(field, `Key #${i + 1} is empty`);
    if (key.length > 4096) throw badInput(field, `Key #${i + 1} is too long`);
    if (/\s/.test(key)) throw badInput(field, `Key #${i + 1} contains whitespace`);
    const parts = key.split('|');
    if (parts.length < min || parts.length > max || parts.some((p) => !p)) {
      throw badInput(
        field,
        `Key #${i + 1} must look like ${provider.keyFormat} (${partsText} part(s) separated by "|")`,
      );
    }
    // Formats "|" parts cannot express (Zhipu's "id.secret"): the provider's own pattern.
    if (keyPattern && !keyPattern.test(key))
      throw badInput(field, `Key #${i + 1} must look like ${provider.keyFormat}`);
  });
  if (new Set(out).size !== out.length) throw badInput(field, 'Duplicate keys');
  return out;
}

export function validateBaseUrl(value: string | null | undefined, provider: ProviderInfo): string {
  const raw = value?.trim() || provider.defaultBaseUrl;
  if (!raw) throw badInput('baseUrl', `${provider.label.en} needs a base URL`);
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw badInput('baseUrl', 'Not a valid URL');
  }
  // WebSocket providers (Spark): ws:// too, for a self-hosted proxy or a test server.
  const allowed = /^wss?:/.test(provider.defaultBaseUrl ?? '')
    ? ['wss:', 'ws:', 'https:']
    : ['https:', 'http:'];
  if (!allowed.includes(url.protocol))
    throw badInput('baseUrl', `Scheme must be one of ${allowed.join(' ')}`);
  if (url.username || url.password) throw badInput('baseUrl', 'Put credentials in keys, not in the URL');
  if (url.search || url.hash) throw badInput('baseUrl', 'No query string or fragment');
  if (provider.openaiCompatible) return normalizeOpenAIBaseUrl(url.toString());
  return url.toString().replace(/\/+$/, '');
}

export function validateModels(models: string[]): string[] {
  const out = [...new Set(models.map((m) => m.trim()).filter(Boolean))];
  if (!out.length) throw badInput('models', 'At least one model is required');
  for (const m of out)
    if (m.length > 191) throw badInput('models', `Model name too long: ${m.slice(0, 40)}…`);
  return out;
}

export function validateModelMapping(value: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [from, to] of Object.entries(value)) {
    const src = from.trim();
    if (!src || src.length > 191)
      throw badInput('modelMapping', 'Requested model names must be 1–191 characters');
    if (typeof to !== 'string' || !to.trim() || to.length > 191) {
      throw badInput('modelMapping', `"${src}" must map to an upstream model name (a non-empty string)`);
    }
    out[src] = to.trim();
  }
  return out;
}

export function validateHeaders(value: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, v] of Object.entries(value)) {
    if (!HEADER_NAME.test(name)) throw badInput('headers', `Invalid header name "${name}"`);
    if (RESERVED_HEADERS.has(name.toLowerCase()))
      throw badInput('headers', `"${name}" is set by the gateway`);
    if (typeof v !== 'string' || /[\r\n\0]/.test(v) || v.length > 8192) {
      throw badInput('headers', `Header "${name}" must be a single-line string`);
    }
    out[name] = v;
  }
  return out;
}

export function validatePassthroughHeaders(value: string[]): string[] {
  const out = [...new Set(value.map((h) => h.trim().toLowerCase()).filter(Boolean))];
  for (const h of out) {
    if (!HEADER_NAME.test(h)) throw badInput('passthroughHeaders', `Invalid header name "${h}"`);
    if (RESERVED_HEADERS.has(h) || h === 'authorization' || h === 'cookie') {
      throw badInput('passthroughHeaders', `"${h}" cannot be passed through`);
    }
  }
  return out;
}

export function validateTimeout(value: number, field: string): number {
  if (!Number.isInteger(value) || value < 100 || value > MAX_TIMEOUT_MS) {
    throw badInput(field, `Must be between 100 and ${MAX_TIMEOUT_MS} ms`);
  }
  return value;
}

export function validatePriorityWeight(priority?: number, weight?: number): void {
  if (priority !== undefined && Math.abs(priority) > 1_000_000) throw badInput('priority', 'Out of range');
  if (weight !== undefined && (weight < 0 || weight > 1_000_000))
    throw badInput('weight', 'Must be 0–1000000');
}

/** Provider fields: required ones present, kinds right, unknown names refused. */
export function validateConfig(
  value: Record<string, unknown>,
  provider: ProviderInfo,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const known = new Map(provider.fields.map((f) => [f.name, f]));
  for (const name of Object.keys(value)) {
    if (!known.has(name)) throw badInput('config', `Unknown setting "${name}" for ${provider.label.en}`);
  }
  for (const f of provider.fields) {
    const v = value[f.name] ?? f.default;
    if (v === undefined || v === '') {
      if (f.required) throw badInput('config', `${f.label.en} is required`);
      continue;
    }
    const ok =
      f.kind === 'number'
        ? typeof v === 'number' && Number.isFinite(v)
        : f.kind === 'boolean'
          ? typeof v === 'boolean'
          : f.kind === 'select'
            ? typeof v === 'string' && (f.options ?? []).includes(v)
            : typeof v === 'string';
    if (!ok) throw badInput('config', `${f.label.en} must be a ${f.kind}`);
    out[f.name] = v;
  }
  return out;
}

export function validateDisabledKeys(indexes: number[], keyCount: number): number[] {
  const out = [...new Set(indexes)].sort((a, b) => a - b);
  for (const i of out) {
    if (!Number.isInteger(i) || i < 0 || i >= keyCount) throw badInput('disabledKeys', `No key #${i}`);
  }
  return out;
}
