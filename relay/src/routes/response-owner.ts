import type { RelayDeps } from '../deps.js';
import { RelayError } from '../http/relay-error.js';

/**
 * Who may reach a stored Responses API response: the `responseOwner` key holds
 * `channelId:userId`. The channel serves follow-ups; the user is the only one allowed to read,
 * delete, cancel or continue it. Entries written before the user was recorded (a bare channel
 * id) belong to no one and are refused; they expire within RESPONSE_OWNER_TTL_S (30 days).
 */
export const RESPONSE_OWNER_TTL_S = 30 * 24 * 3600;

export function ownerValue(channelId: number, userId: number): string {
  return `${channelId}:${userId}`;
}

/** The owning channel when `value` records `userId` as the owner, else null. */
export function ownedChannel(value: string | null, userId: number): number | null {
  if (!value) return null;
  const colon = value.indexOf(':');
  if (colon === -1 || value.slice(colon + 1) !== String(userId)) return null;
  const channelId = Number(value.slice(0, colon));
  return Number.isInteger(channelId) ? channelId : null;
}

/**
 * The channel of a response this user owns; otherwise the 404 OpenAI gives for an unknown
 * response, so another user's ids cannot even be confirmed to exist.
 */
export async function requireOwnedChannel(
  deps: RelayDeps,
  responseId: string,
  userId: number,
): Promise<number> {
  const channelId = ownedChannel(await deps.redis.get(deps.keys.responseOwner(responseId)), userId);
  if (channelId === null) throw new RelayError('not_found', `Response with id '${responseId}' not found.`);
  return channelId;
}

/** previous_response_id naming a response the user does not own: OpenAI's reply for an unknown one. */
export function previousResponseNotFound(responseId: string): RelayError {
  return new RelayError('not_found', `Previous response with id '${responseId}' not found.`).withParam(
    'previous_response_id',
  );
}
