import { cacheExchange, createClient, fetchExchange } from '@urql/core';
import { registerUrql } from '@urql/next/rsc';
import { cookies } from 'next/headers';

/**
 * Server components query the api directly (API_URL, read at run time), forwarding the
 * browser's cookies; one client per request (registerUrql caches it in React's request scope).
 */
const { getClient } = registerUrql(() =>
  createClient({
    url: `${process.env.API_URL ?? 'http://127.0.0.1:4000'}/graphql`,
    exchanges: [cacheExchange, fetchExchange],
    preferGetMethod: false,
    requestPolicy: 'network-only',
    fetchOptions: () => ({ cache: 'no-store' }),
  }),
);

/** A client whose requests carry the caller's session cookie. */
export async function serverClient() {
  const cookie = (await cookies()).toString();
  return {
    client: getClient(),
    context: { fetchOptions: { headers: { cookie }, cache: 'no-store' as const } },
  };
}
