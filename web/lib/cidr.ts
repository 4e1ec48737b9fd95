/**
 * IP whitelist entries as the relay accepts them: an IPv4 or IPv6 address, optionally with a
 * CIDR prefix (0–32 / 0–128). Validated as the admin types, so a typo never reaches the api.
 */
const IPV4_OCTET = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$/;

export function isIPv4(value: string): boolean {
  const parts = value.split('.');
  return parts.length === 4 && parts.every((p) => IPV4_OCTET.test(p));
}

export function isIPv6(value: string): boolean {
  if (value.length > 45 || value.includes('%')) return false;
  let groups = value;
  let maxGroups = 8;
  // An embedded IPv4 tail (::ffff:192.0.2.1) takes the room of two groups.
  const lastColon = value.lastIndexOf(':');
  if (value.slice(lastColon + 1).includes('.')) {
    if (!isIPv4(value.slice(lastColon + 1))) return false;
    groups = value.slice(0, lastColon + 1) + '0';
    maxGroups = 7;
  }
  const halves = groups.split('::');
  if (halves.length > 2) return false;
  const parse = (s: string) => (s === '' ? [] : s.split(':'));
  const head = parse(halves[0] ?? '');
  const tail = halves.length === 2 ? parse(halves[1] ?? '') : [];
  const all = [...head, ...tail];
  if (!all.every((g) => /^[0-9a-fA-F]{1,4}$/.test(g))) return false;
  if (halves.length === 2) return all.length < maxGroups;
  return all.length === maxGroups;
}

export type CidrCheck = { ok: true; family: 4 | 6 } | { ok: false; reason: 'address' | 'prefix' };

export function checkCidr(entry: string): CidrCheck {
  const value = entry.trim();
  const slash = value.indexOf('/');
  const address = slash === -1 ? value : value.slice(0, slash);
  const prefix = slash === -1 ? null : value.slice(slash + 1);
  const family = isIPv4(address) ? 4 : isIPv6(address) ? 6 : null;
  if (family === null) return { ok: false, reason: 'address' };
  if (prefix !== null) {
    if (!/^\d{1,3}$/.test(prefix) || Number(prefix) > (family === 4 ? 32 : 128))
      return { ok: false, reason: 'prefix' };
  }
  return { ok: true, family };
}

/** Splits a textarea (commas, spaces or new lines) into entries and reports the bad ones. */
export function parseWhitelist(text: string): { entries: string[]; invalid: string[] } {
  const entries = text
    .split(/[\s,]+/)
    .map((s) => s.trim())
    .filter(Boolean);
  return { entries, invalid: entries.filter((e) => !checkCidr(e).ok) };
}
