'use client';
import { useQuery } from '@urql/next';
import type { CombinedError } from '@urql/core';
import Link from 'next/link';
import { useMemo, useState } from 'react';
import { PageHeader } from '@/components/common/page-header';
import { Card, CardContent, CardHeader, CardTitle } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { ErrorPanel } from '@/components/ui/error-panel';
import { Select } from '@/components/ui/input';
import { Skeleton } from '@/components/ui/skeleton';
import { TopCustomersQuery, TopTokensQuery, UsageByChannelQuery, UsageByDayQuery } from '@/graphql/usage';
import { browserTimeZone, formatNumber, formatUsd } from '@/lib/format';
import { useMoney } from '@/lib/money';
import { useLocale, useT } from '@/lib/i18n/client';
import { useMe } from '@/lib/me-context';
import { HealthStrip } from './health-strip';
import { lastDays, StackedDailyChart } from './usage-chart';

const METRICS = ['requests', 'tokens', 'quota', 'errors'] as const;
type Metric = (typeof METRICS)[number];

/** Whole local days in the browser's time zone: the api rolls usage up per 15 minutes, so day edges are exact. */
export function statsRange(days: string[], timeZone: string) {
  return { from: days[0]!, to: days[days.length - 1]!, timeZone };
}

export function DashboardView() {
  const t = useT();
  const { quotaToUsd } = useMoney();
  const locale = useLocale();
  const me = useMe();
  const [range, setRange] = useState(7);
  const [metric, setMetric] = useState<Metric>('requests');
  const timeZone = useMemo(() => browserTimeZone(), []);
  const days = useMemo(() => lastDays(range), [range]);
  const variables = useMemo(() => ({ range: statsRange(days, timeZone) }), [days, timeZone]);
  const adminView = me.role === 'root' || me.role === 'admin';
  const [daily, refetchDaily] = useQuery({ query: UsageByDayQuery, variables });
  const [topUsers] = useQuery({ query: TopCustomersQuery, variables: { ...variables, limit: 8 } });
  const [topTokens] = useQuery({ query: TopTokensQuery, variables: { ...variables, limit: 8 } });
  const [byChannel] = useQuery({ query: UsageByChannelQuery, variables, pause: !adminView });
  const rows = daily.data?.usageByDay ?? [];
  const totals = rows.reduce(
    (acc, r) => ({
      requests: acc.requests + r.requests,
      tokens: acc.tokens + Number(r.promptTokens) + Number(r.completionTokens),
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
          ? Number(r.promptTokens) + Number(r.completionTokens)
          : metric === 'errors'
            ? r.errors
            : quotaToUsd(r.quota),
  }));
  const errorRate = totals.requests ? (totals.errors / totals.requests) * 100 : 0;
  // After an error the totals are unknown, not zero.
  const shown = (v: string) => (daily.error ? '—' : v);
  const loading = !daily.data && !daily.error;

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
      <div className="grid grid-cols-2 gap-3 lg:grid-cols-5" data-testid="dashboard-stats">
        <Stat
          label={t('dashboard.requests')}
          value={shown(formatNumber(totals.requests, locale))}
          loading={loading}
        />
        <Stat
          label={t('dashboard.tokens')}
          value={shown(formatNumber(totals.tokens, locale))}
          loading={loading}
        />
        <Stat
          label={t('dashboard.spend')}
          value={shown(formatUsd(quotaToUsd(totals.quota.toString()), locale))}
          loading={loading}
        />
        <Stat
          label={t('dashboard.errors')}
          value={shown(formatNumber(totals.errors, locale))}
          loading={loading}
        />
        <Stat label={t('dashboard.errorRate')} value={shown(`${errorRate.toFixed(2)}%`)} loading={loading} />
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
          error={topUsers.error}
          rows={topUsers.data?.topCustomers.map((r) => ({
            id: String(r.userId),
            name: r.username ?? `#${r.userId}`,
            requests: r.requests,
            quota: r.quota,
            href: `/customers/${r.userId}`,
          }))}
        />
        <TopList
          title={t('dashboard.topTokens')}
          error={topTokens.error}
          rows={topTokens.data?.topTokens.map((r) => ({
            id: String(r.tokenId),
            name: r.tokenName ?? `#${r.tokenId}`,
            requests: r.requests,
            quota: r.quota,
          }))}
        />
      </div>
      {adminView ? (
        <Card>
          <CardHeader>
            <CardTitle>{t('dashboard.byChannel')}</CardTitle>
          </CardHeader>
          <CardContent>
            {byChannel.error ? (
              <ErrorPanel error={byChannel.error} />
            ) : !byChannel.data ? (
              <Skeleton className="h-24 w-full" />
            ) : byChannel.data.usageByChannel.length === 0 ? (
              <p className="text-sm text-muted-fg">{t('dashboard.noUsage')}</p>
            ) : (
              <div className="overflow-x-auto">
                <table className="w-full text-sm">
                  <thead className="text-left text-xs text-muted-fg">
                    <tr>
                      <th className="py-1">{t('dashboard.channel')}</th>
                      <th>{t('dashboard.requests')}</th>
                      <th>{t('dashboard.errorRate')}</th>
                      <th>{t('dashboard.avgLatency')}</th>
                      <th>{t('dashboard.spend')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {byChannel.data.usageByChannel.map((c) => (
                      <tr key={c.channelId} className="border-t border-border tabular-nums">
                        <td className="py-1.5">
                          {c.channelId === 0
                            ? t('dashboard.noChannel')
                            : (c.channelName ?? `#${c.channelId}`)}
                        </td>
                        <td>{formatNumber(c.requests, locale)}</td>
                        <td>{c.requests ? ((c.errors / c.requests) * 100).toFixed(2) : '0.00'}%</td>
                        <td>{Math.round(c.avgLatencyMs)} ms</td>
                        <td>{formatUsd(quotaToUsd(c.quota), locale)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </CardContent>
        </Card>
      ) : null}
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

interface TopRow {
  id: string;
  name: string;
  requests: number;
  quota: string;
  href?: string;
}

function TopList({
  title,
  rows,
  error,
}: {
  title: string;
  rows: TopRow[] | undefined;
  error: CombinedError | undefined;
}) {
  const t = useT();
  const { quotaToUsd } = useMoney();
  const locale = useLocale();
  return (
    <Card>
      <CardHeader>
        <CardTitle>{title}</CardTitle>
      </CardHeader>
      <CardContent>
        {error ? (
          <ErrorPanel error={error} />
        ) : !rows ? (
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
                  {r.href ? (
                    <Link className="hover:underline" href={r.href}>
                      {r.name}
                    </Link>
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
