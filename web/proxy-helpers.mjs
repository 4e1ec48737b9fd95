// Pure helpers of the same-origin proxy in server.mjs (kept apart so that vitest can test them).

/** Headers that describe one hop, never forwarded (RFC 9110 §7.6.1). */
const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'proxy-authenticate',
  'proxy-authorization',
  'proxy-connection',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
]);

/**
 * Request headers for the upstream: hop-by-hop ones dropped (also those named by Connection),
 * Host rewritten by node:http, and X-Forwarded-* appended so that the api and relay see the client.
 * @param {import('node:http').IncomingHttpHeaders} headers
 * @param {{ remoteAddress?: string, encrypted?: boolean, keepUpgrade?: boolean }} from
 */
export function forwardHeaders(headers, from) {
  const named = String(headers.connection ?? '')
    .split(',')
    .map((h) => h.trim().toLowerCase())
    .filter(Boolean);
  /** @type {Record<string, string | string[]>} */
  const out = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined || name === 'host') continue;
    if (!from.keepUpgrade && (HOP_BY_HOP.has(name) || named.includes(name))) continue;
    out[name] = value;
  }
  const prior = headers['x-forwarded-for'];
  const ip = from.remoteAddress ?? '';
  out['x-forwarded-for'] = prior ? `${prior}, ${ip}` : ip;
  out['x-forwarded-proto'] = String(headers['x-forwarded-proto'] ?? (from.encrypted ? 'https' : 'http'));
  out['x-forwarded-host'] = String(headers['x-forwarded-host'] ?? headers.host ?? '');
  return out;
}

/** Response headers for the client: hop-by-hop ones dropped. */
export function backwardHeaders(headers) {
  /** @type {Record<string, string | string[]>} */
  const out = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined || HOP_BY_HOP.has(name)) continue;
    out[name] = value;
  }
  return out;
}

/**
 * Whether a WebSocket upgrade's Origin is this console's own origin (or one listed in
 * ALLOWED_ORIGINS). Browsers always send Origin on WebSocket handshakes, so a missing Origin is
 * a non-browser client, which cannot ride a victim's cookie: it is let through.
 * @param {string | undefined} origin
 * @param {string | undefined} host the Host (or X-Forwarded-Host) the browser used
 * @param {string[]} allowed extra origins, e.g. https://console.example.com
 */
export function originAllowed(origin, host, allowed) {
  if (origin === undefined) return true;
  if (allowed.includes(origin)) return true;
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}

/** Which upstream a path goes to: the api (/graphql) or the relay (/v1/...), else Next. */
export function upstreamFor(pathname) {
  if (pathname === '/graphql' || pathname.startsWith('/graphql?')) return 'api';
  if (pathname === '/v1' || pathname.startsWith('/v1/')) return 'relay';
  return null;
}
