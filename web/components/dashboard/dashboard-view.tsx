'use client';
import { type UseQueryState, useQuery } from '@urql/next';
import { useMemo, useState } from 'react';
import { PageHeader } from '@/components/common/page-header';
import { Card, CardContent, CardHeader, CardTitle } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { ErrorPanel } from '@/components/ui/error-panel';
import { Select } from '@/components/ui/input';
import { Skeleton } from '@/components/ui/skeleton';
import type { UsageTopQuery as UsageTopQueryData } from '@/graphql/generated/graphql';
import { UsageDailyQuery, UsageTopQuery } from '@/graphql/usage';
import { browserTimeZone, formatNumber, formatUsd, quotaToUsd } from '@/lib/format';
import { useLocale, useT } from '@/lib/i18n/client';
import { useMe } from '@/lib/me-context';
import { HealthStrip } from './health-strip';
import { lastDays, StackedDailyChart } from './usage-chart';

const METRICS = ['requests', 'tokens', 'quota', 'errors'] as const;
type Metric = (typeof METRICS)[number];

export function DashboardView() {
  const t = useT();
  const locale = useLocale();
  const me = useMe();
  const [range, setRange] = useState(7);
  const [metric, setMetric] = useState<Metric>('requests');
  const { from, to, days, timeZone } = useMemo(() => {
    const days = lastDays(range);
    const now = new Date();
    return {
      days,
      timeZone: browserTimeZone(),
      from: new Date(now.getTime() - range * 86_400_000).toISOString(),
      to: now.toISOString(),
    };
  }, [range]);
  const [daily, refetchDaily] = useQuery({ query: UsageDailyQuery, variables: { from, to, timeZone } });
  const [topUsers] = useQuery({ query: UsageTopQuery, variables: { from, to, by: 'user', limit: 8 } });
  const [topTokens] = useQuery({ query: UsageTopQuery, variables: { from, to, by: 'token', limit: 8 } });
  const rows = daily.data?.usageDaily ?? [];
  const totals = rows.reduce(
    (acc, r) => ({
      requests: acc.requests + r.requests,
      tokens: acc.tokens + r.promptTokens + r.completionTokens,
      quota: acc.quota + BigInt(r.quota),
      errors: acc.errors + r.errors,
    }),
    { requests: 0, tokens: 0, quota: 0n, errors: 0 },
  );
  const chartRows = rows.map((r) => ({
    day: r.day,
    model: r.model,
    value:
      metric === 'requests'
        ? r.requests
        : metric === 'tokens'
          ? r.promptTokens + r.completionTokens
          : metric === 'errors'
            ? r.errors
            : quotaToUsd(r.quota),
  }));
  const errorRate = totals.requests ? (totals.errors / totals.requests) * 100 : 0;
  // After an error the totals are unknown, not zero.
  const shown = (v: string) => (daily.error ? '—' : v);
  const adminView = me.role === 'root' || me.role === 'admin';

  return (
    <div className="grid gap-4">
      <PageHeader
        title={t('nav.dashboard')}
        description={t('dashboard.timeZone', { zone: timeZone })}
        actions={
          <Select
            aria-label={t('dashboard.range')}
            value={range}
            onChange={(e) => setRange(Number(e.target.value))}
            className="w-36"
          >
            {[1, 7, 14, 30].map((d) => (
              <option key={d} value={d}>
                {t('dashboard.lastDays', { count: d })}
              </option>
            ))}
          </Select>
        }
      />
      <div className="grid grid-cols-2 gap-3 lg:grid-cols-5">
        <Stat
          label={t('dashboard.requests')}
          value={shown(formatNumber(totals.requests, locale))}
          loading={!daily.data && !daily.error}
        />
        <Stat
          label={t('dashboard.tokens')}
          value={shown(formatNumber(totals.tokens, locale))}
          loading={!daily.data && !daily.error}
        />
        <Stat
          label={t('dashboard.spend')}
          value={shown(formatUsd(quotaToUsd(totals.quota.toString()), locale))}
          loading={!daily.data && !daily.error}
        />
        <Stat
          label={t('dashboard.errors')}
          value={shown(formatNumber(totals.errors, locale))}
          loading={!daily.data && !daily.error}
        />
        <Stat
          label={t('dashboard.errorRate')}
          value={shown(`${errorRate.toFixed(2)}%`)}
          loading={!daily.data && !daily.error}
        />
      </div>
      {adminView ? (
        <Card>
          <CardHeader>
            <CardTitle>{t('dashboard.health')}</CardTitle>
          </CardHeader>
          <CardContent>
            <HealthStrip />
          </CardContent>
        </Card>
      ) : null}
      <Card>
        <CardHeader>
          <CardTitle>{t('dashboard.byModel')}</CardTitle>
          <div role="tablist" className="flex gap-1 rounded-md bg-muted p-0.5 text-xs">
            {METRICS.map((m) => (
              <button
                key={m}
                type="button"
                role="tab"
                aria-selected={metric === m}
                className={`rounded px-2 py-1 ${metric === m ? 'bg-surface shadow-sm' : 'text-muted-fg'}`}
                onClick={() => setMetric(m)}
              >
                {t(`dashboard.${m === 'quota' ? 'spend' : m}`)}
              </button>
            ))}
          </div>
        </CardHeader>
        <CardContent data-testid="usage-chart">
          {daily.error ? (
            <ErrorPanel error={daily.error} onRetry={() => refetchDaily({ requestPolicy: 'network-only' })} />
          ) : !daily.data ? (
            <Skeleton className="h-64 w-full" />
          ) : rows.length === 0 ? (
            <EmptyState title={t('dashboard.noUsage')} hint={t('dashboard.noUsageHint')} />
          ) : (
            <StackedDailyChart rows={chartRows} days={days} />
          )}
        </CardContent>
      </Card>
      <div className="grid gap-4 lg:grid-cols-2">
        <TopList
          title={t('dashboard.topCustomers')}
          result={topUsers}
          locale={locale}
          hrefPrefix="/customers/"
        />
        <TopList title={t('dashboard.topTokens')} result={topTokens} locale={locale} />
      </div>
    </div>
  );
}

function Stat({ label, value, loading }: { label: string; value: string; loading: boolean }) {
  return (
    <Card>
      <CardContent className="grid gap-1 p-4">
        <p className="text-xs text-muted-fg">{label}</p>
        {loading ? (
          <Skeleton className="h-7 w-20" />
        ) : (
          <p className="text-xl font-semibold tabular-nums">{value}</p>
        )}
      </CardContent>
    </Card>
  );
}

function TopList({
  title,
  result,
  locale,
  hrefPrefix,
}: {
  title: string;
  result: UseQueryState<UsageTopQueryData>;
  locale: 'zh' | 'en';
  hrefPrefix?: string;
}) {
  const t = useT();
  const rows = result.data?.usageTop ?? [];
  return (
    <Card>
      <CardHeader>
        <CardTitle>{title}</CardTitle>
      </CardHeader>
      <CardContent>
        {result.error ? (
          <ErrorPanel error={result.error} />
        ) : !result.data ? (
          <Skeleton className="h-40 w-full" />
        ) : rows.length === 0 ? (
          <p className="text-sm text-muted-fg">{t('dashboard.noUsage')}</p>
        ) : (
          <ol className="grid gap-1 text-sm">
            {rows.map((r, i) => (
              <li
                key={r.id}
                className="flex items-center justify-between gap-2 border-b border-border py-1.5 last:border-0"
              >
                <span className="truncate">
                  <span className="mr-2 text-muted-fg">{i + 1}.</span>
                  {hrefPrefix ? (
                    <a className="hover:underline" href={`${hrefPrefix}${r.id}`}>
                      {r.name}
                    </a>
                  ) : (
                    r.name
                  )}
                </span>
                <span className="tabular-nums text-muted-fg">
                  {formatNumber(r.requests, locale)} · {formatUsd(quotaToUsd(r.quota), locale)}
                </span>
              </li>
            ))}
          </ol>
        )}
      </CardContent>
    </Card>
  );
}
