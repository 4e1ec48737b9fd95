import type { GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import { UniqueConstraintViolationException, ForeignKeyConstraintViolationException } from '@mikro-orm/core';
import { AuthenticationError, AuthorizationError } from 'type-graphql';
import { AppError } from '../common/errors.js';

/**
 * The one boundary between errors and GraphQL replies. Our AppErrors keep their code (and
 * field); authorization errors from type-graphql become UNAUTHENTICATED / FORBIDDEN; database
 * constraint errors become CONFLICT without SQL; everything else is INTERNAL_SERVER_ERROR with
 * a generic message in production (logged in full here).
 */
export function makeFormatError(production: boolean, log: (err: unknown) => void) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    const base = { message: formatted.message, locations: formatted.locations, path: formatted.path };
    if (original instanceof AppError) {
      return {
        ...base,
        message: original.message,
        extensions: { code: original.code, ...(original.field ? { field: original.field } : {}) },
      };
    }
    if (original instanceof AuthenticationError) {
      return { ...base, message: 'Sign in first', extensions: { code: 'UNAUTHENTICATED' } };
    }
    if (original instanceof AuthorizationError) {
      return { ...base, message: 'Your role does not allow this', extensions: { code: 'FORBIDDEN' } };
    }
    if (original instanceof UniqueConstraintViolationException) {
      return {
        ...base,
        message: 'Already exists (a unique value is taken)',
        extensions: { code: 'CONFLICT' },
      };
    }
    if (original instanceof ForeignKeyConstraintViolationException) {
      return { ...base, message: 'Still referenced by other records', extensions: { code: 'CONFLICT' } };
    }
    const code = formatted.extensions?.code;
    // Parse/validation errors from graphql-js and Apollo already carry a safe code and message.
    if (typeof code === 'string' && code !== 'INTERNAL_SERVER_ERROR') {
      return {
        ...base,
        extensions: { code, ...(formatted.extensions?.field ? { field: formatted.extensions.field } : {}) },
      };
    }
    log(original);
    return {
      ...base,
      message: production ? 'Internal server error' : formatted.message,
      extensions: production
        ? { code: 'INTERNAL_SERVER_ERROR' }
        : { ...formatted.extensions, code: 'INTERNAL_SERVER_ERROR' },
    };
  };
}
