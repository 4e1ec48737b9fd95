'use client';
import { useQuery } from '@urql/next';
import { useMemo } from 'react';
import { Card, CardContent, CardHeader, CardTitle } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { ErrorPanel } from '@/components/ui/error-panel';
import { Skeleton } from '@/components/ui/skeleton';
import { UsageDailyQuery } from '@/graphql/usage';
import { browserTimeZone, quotaToUsd } from '@/lib/format';
import { useT } from '@/lib/i18n/client';
import { lastDays, StackedDailyChart } from './usage-chart';

/** Spend per day by model over the last 30 days, for one customer (or the signed-in one). */
export function UsageCard({ userId }: { userId?: number }) {
  const t = useT();
  const vars = useMemo(() => {
    const now = new Date();
    return {
      from: new Date(now.getTime() - 30 * 86_400_000).toISOString(),
      to: now.toISOString(),
      timeZone: browserTimeZone(),
      userId: userId ?? null,
    };
  }, [userId]);
  const days = useMemo(() => lastDays(30), []);
  const [result] = useQuery({ query: UsageDailyQuery, variables: vars });
  const rows = (result.data?.usageDaily ?? []).map((r) => ({
    day: r.day,
    model: r.model,
    value: quotaToUsd(r.quota),
  }));
  return (
    <Card>
      <CardHeader>
        <CardTitle>{t('account.usage30')}</CardTitle>
      </CardHeader>
      <CardContent>
        {result.error ? (
          <ErrorPanel error={result.error} />
        ) : !result.data ? (
          <Skeleton className="h-56 w-full" />
        ) : rows.length === 0 ? (
          <EmptyState title={t('dashboard.noUsage')} />
        ) : (
          <StackedDailyChart rows={rows} days={days} height={220} />
        )}
      </CardContent>
    </Card>
  );
}
