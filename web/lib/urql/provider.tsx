'use client';
import {
  cacheExchange,
  createClient,
  fetchExchange,
  ssrExchange,
  subscriptionExchange,
  UrqlProvider,
} from '@urql/next';
import { createClient as createWsClient } from 'graphql-ws';
import { type ReactNode, useMemo } from 'react';

/**
 * The browser talks to /graphql on the console's own origin (server.mjs proxies it to the api),
 * so the api's httpOnly session cookie travels with every request and subscription.
 * During server rendering client trees do not query (the cookie stays on the server; the
 * console layout's server component already checked the session): pages render skeletons
 * there and fetch once hydrated.
 */
export function GraphqlProvider({ children }: { children: ReactNode }) {
  const [client, ssr] = useMemo(() => {
    const isBrowser = typeof window !== 'undefined';
    const ssr = ssrExchange({ isClient: isBrowser });
    const exchanges = [cacheExchange, ssr, fetchExchange];
    if (isBrowser) {
      const ws = createWsClient({
        url: `${window.location.protocol === 'https:' ? 'wss' : 'ws'}://${window.location.host}/graphql`,
        lazy: true,
        retryAttempts: Number.POSITIVE_INFINITY,
        shouldRetry: () => true,
      });
      exchanges.push(
        subscriptionExchange({
          forwardSubscription(request) {
            const input = { ...request, query: request.query || '' };
            return {
              subscribe(sink) {
                const unsubscribe = ws.subscribe(input, sink);
                return { unsubscribe };
              },
            };
          },
        }),
      );
    }
    const client = createClient({
      url: isBrowser ? '/graphql' : 'http://127.0.0.1/graphql',
      exchanges,
      suspense: false,
      preferGetMethod: false,
      fetchOptions: { credentials: 'same-origin' },
      requestPolicy: 'cache-and-network',
    });
    return [client, ssr] as const;
  }, []);
  return (
    <UrqlProvider client={client} ssr={ssr}>
      {children}
    </UrqlProvider>
  );
}
