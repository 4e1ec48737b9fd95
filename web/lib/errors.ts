import type { CombinedError } from '@urql/core';

export interface FriendlyError {
  code: string;
  message: string;
  field?: string;
}

/** The first error of a result as {code, message}: the GraphQL code, or NETWORK when the api is unreachable. */
export function friendlyError(error: CombinedError | undefined | null): FriendlyError | null {
  if (!error) return null;
  const gql = error.graphQLErrors[0];
  if (gql) {
    const ext = gql.extensions ?? {};
    return {
      code: typeof ext.code === 'string' ? ext.code : 'INTERNAL_SERVER_ERROR',
      message: gql.message,
      field: typeof ext.field === 'string' ? ext.field : undefined,
    };
  }
  return { code: 'NETWORK_ERROR', message: error.networkError?.message ?? error.message };
}
