'use client';
import { useClient, useQuery } from '@urql/next';
import { useCallback, useMemo } from 'react';
import { QuotaPerUsdQuery } from '@/graphql/session';
import { DEFAULT_QUOTA_PER_USD, quotaToUsd, usdToQuota } from './format';

/**
 * USD ↔ quota at the system's quotaPerUsd option. Every component asks through this hook; the
 * query is `cache-first`, so urql sends it once and every later caller reads the cached answer
 * (a root who changes the option in Settings refetches it there).
 * Until the answer arrives the default rate stands in for display; `ready` is false then, and
 * forms that turn USD into quota must wait for it rather than save at the wrong rate.
 */
export function useMoney() {
  const [result] = useQuery({ query: QuotaPerUsdQuery, requestPolicy: 'cache-first' });
  const configured = result.data?.quotaPerUsd;
  return useMemo(() => {
    const perUsd = configured ?? DEFAULT_QUOTA_PER_USD;
    return {
      ready: configured !== undefined,
      perUsd,
      quotaToUsd: (quota: string | null | undefined) => quotaToUsd(quota, perUsd),
      usdToQuota: (usd: string | number) => usdToQuota(usd, perUsd),
    };
  }, [configured]);
}

/**
 * Asks the api again after a root changes the option: the answer replaces the cached one and
 * reaches every useMoney() caller (urql shares results per query).
 */
export function useRefreshQuotaPerUsd() {
  const client = useClient();
  return useCallback(async () => {
    await client.query(QuotaPerUsdQuery, {}, { requestPolicy: 'network-only' }).toPromise();
  }, [client]);
}
