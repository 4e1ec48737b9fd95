/**
 * Error codes, turned into a response at exactly one boundary each: GraphQL errors
 * (`extensions.code`) in the api, OpenAI error bodies in the relay.
 */
export const GRAPHQL_ERROR_CODES = [
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'BAD_USER_INPUT',
  'NOT_FOUND',
  'CONFLICT',
  'TOO_MANY_REQUESTS',
  'INTERNAL_SERVER_ERROR',
] as const;
export type GraphqlErrorCode = (typeof GRAPHQL_ERROR_CODES)[number];

/** OpenAI-shaped error codes the relay emits, with their HTTP status. */
export const RELAY_ERRORS = {
  invalid_api_key: { status: 401, type: 'invalid_request_error' },
  token_expired: { status: 401, type: 'invalid_request_error' },
  token_disabled: { status: 401, type: 'invalid_request_error' },
  ip_not_allowed: { status: 403, type: 'permission_error' },
  model_not_allowed: { status: 403, type: 'permission_error' },
  model_not_found: { status: 404, type: 'invalid_request_error' },
  not_found: { status: 404, type: 'invalid_request_error' },
  insufficient_quota: { status: 429, type: 'insufficient_quota' },
  rate_limit_exceeded: { status: 429, type: 'rate_limit_error' },
  invalid_request: { status: 400, type: 'invalid_request_error' },
  request_too_large: { status: 413, type: 'invalid_request_error' },
  no_available_channel: { status: 503, type: 'server_error' },
  upstream_error: { status: 502, type: 'server_error' },
  upstream_timeout: { status: 504, type: 'server_error' },
  not_ready: { status: 503, type: 'server_error' },
  internal_error: { status: 500, type: 'server_error' },
} as const;
export type RelayErrorCode = keyof typeof RELAY_ERRORS;
