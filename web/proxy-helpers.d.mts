import type { IncomingHttpHeaders, OutgoingHttpHeaders } from 'node:http';

export function forwardHeaders(
  headers: IncomingHttpHeaders,
  from: { remoteAddress?: string; encrypted?: boolean; keepUpgrade?: boolean },
): Record<string, string | string[]>;
export function backwardHeaders(
  headers: IncomingHttpHeaders | OutgoingHttpHeaders,
): Record<string, string | string[]>;
export function originAllowed(
  origin: string | undefined,
  host: string | undefined,
  allowed: string[],
): boolean;
export function upstreamFor(pathname: string): 'api' | 'relay' | null;
