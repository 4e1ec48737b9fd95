import { keyPartsRange, type ProviderInfo } from '@switchboard/shared/providers';

/**
 * Splits the keys textarea into keys and says which ones the api would refuse for their shape:
 * a `|` part count outside keyParts..maxKeyParts (Bedrock takes 2 or 3), an empty part, or a
 * mismatch with the provider's keyPattern. Same rules as api channel.validation.ts validateKeys.
 */
export function checkKeys(text: string, provider: ProviderInfo | undefined) {
  const keys = text
    .split('\n')
    .map((k) => k.trim())
    .filter(Boolean);
  if (!provider) return { keys, bad: [] as string[] };
  const { min, max } = keyPartsRange(provider);
  const pattern = provider.keyPattern ? new RegExp(provider.keyPattern) : null;
  const bad = keys.filter((k) => {
    const parts = k.split('|');
    if (parts.length < min || parts.length > max || parts.some((p) => !p)) return true;
    return pattern !== null && !pattern.test(k);
  });
  return { keys, bad };
}
