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
