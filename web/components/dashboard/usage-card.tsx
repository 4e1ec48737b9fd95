'use client';
import { useQuery } from '@urql/next';
import { useMemo } from 'react';
import { Card, CardContent, CardHeader, CardTitle } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { ErrorPanel } from '@/components/ui/error-panel';
import { Skeleton } from '@/components/ui/skeleton';
import { UsageByDayQuery } from '@/graphql/usage';
import { browserTimeZone } from '@/lib/format';
import { useMoney } from '@/lib/money';
import { useT } from '@/lib/i18n/client';
import { lastDays, StackedDailyChart } from './usage-chart';

/** Spend per day by model over the last 30 days, for one customer (or the signed-in one). */
export function UsageCard({ userId }: { userId?: number }) {
  const t = useT();
  const { quotaToUsd } = useMoney();
  const days = useMemo(() => lastDays(30), []);
  const vars = useMemo(
    () => ({
      range: {
        from: days[0]!,
        to: days[days.length - 1]!,
        timeZone: browserTimeZone(),
        userId: userId ?? null,
      },
    }),
    [days, userId],
  );
  const [result] = useQuery({ query: UsageByDayQuery, variables: vars });
  const rows = (result.data?.usageByDay ?? []).map((r) => ({
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
