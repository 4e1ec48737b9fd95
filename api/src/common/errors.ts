import type { GraphqlErrorCode } from '@switchboard/shared/errors';

/**
 * Errors services throw on purpose. The GraphQL boundary (graphql/format-error.ts) turns them
 * into `extensions.code` (+ `field` for bad input); anything else becomes a generic
 * INTERNAL_SERVER_ERROR without detail in production.
 */
export class AppError extends Error {
  override name = 'AppError';
  constructor(
    readonly code: GraphqlErrorCode,
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}

export const badInput = (field: string, message: string) => new AppError('BAD_USER_INPUT', message, field);
export const notFound = (what: string) => new AppError('NOT_FOUND', `${what} not found`);
export const forbidden = (message = 'Not allowed') => new AppError('FORBIDDEN', message);
export const conflict = (message: string, field?: string) => new AppError('CONFLICT', message, field);
export const unauthenticated = (message = 'Sign in first') => new AppError('UNAUTHENTICATED', message);

/** A GraphQL ID argument as a positive integer, or BAD_USER_INPUT naming the argument. */
export function toId(value: string | number, field = 'id'): number {
  const n = typeof value === 'number' ? value : /^\d{1,10}$/.test(value) ? Number(value) : Number.NaN;
  if (!Number.isSafeInteger(n) || n <= 0 || n > 2_147_483_647)
    throw badInput(field, `"${value}" is not a valid id`);
  return n;
}

export const toIds = (values: (string | number)[], field = 'ids') => values.map((v) => toId(v, field));
