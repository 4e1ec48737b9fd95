'use client';
import type { ColumnDef } from '@tanstack/react-table';
import { useQuery } from '@urql/next';
import { FileDown, RefreshCw } from 'lucide-react';
import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { useMemo, useState } from 'react';
import { DataTable } from '@/components/common/data-table';
import { PageHeader } from '@/components/common/page-header';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { EmptyState } from '@/components/ui/empty-state';
import { ErrorPanel } from '@/components/ui/error-panel';
import { Input, Select } from '@/components/ui/input';
import { PageSkeleton } from '@/components/ui/skeleton';
import type { UsageLogsQuery as UsageLogsData } from '@/graphql/generated/graphql';
import { UsageLogsQuery } from '@/graphql/usage';
import { download, toCsv } from '@/lib/csv';
import { formatDateTime, formatNumber, formatUsd, quotaToUsd } from '@/lib/format';
import { useLocale, useT } from '@/lib/i18n/client';
import { useIsStaff } from '@/lib/me-context';

type Log = UsageLogsData['usageLogs'][number];
interface Attempt {
  channelId?: number;
  status?: number | string;
  latencyMs?: number;
  error?: string | null;
}

/** Filters kept in the URL so that a filtered view can be shared and survives a reload. */
const FILTERS = ['user', 'token', 'model', 'channel', 'status', 'request', 'from', 'to'] as const;
type Filters = Record<(typeof FILTERS)[number], string>;

export function matchesFilters(log: Log, f: Filters): boolean {
  if (f.model && !log.model.toLowerCase().includes(f.model.toLowerCase())) return false;
  if (f.channel && String(log.channelId ?? '') !== f.channel) return false;
  if (f.status && log.status !== f.status) return false;
  if (f.request && !log.requestId.includes(f.request)) return false;
  const time = new Date(log.time as string).getTime();
  if (f.from && time < new Date(f.from).getTime()) return false;
  if (f.to && time > new Date(f.to).getTime()) return false;
  return true;
}

export function LogsView({ fixedUserId }: { fixedUserId?: number }) {
  const t = useT();
  const locale = useLocale();
  const staff = useIsStaff();
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const filters = Object.fromEntries(FILTERS.map((k) => [k, params.get(k) ?? ''])) as Filters;
  const [limit, setLimit] = useState(100);
  const [detail, setDetail] = useState<Log | null>(null);
  const userId = fixedUserId ?? (filters.user ? Number(filters.user) : null);
  const [result, refetch] = useQuery({
    query: UsageLogsQuery,
    variables: { userId, tokenId: filters.token ? Number(filters.token) : null, limit },
  });
  const all = result.data?.usageLogs ?? [];
  const logs = useMemo(() => all.filter((l) => matchesFilters(l, filters)), [all, filters]);
  const setFilter = (key: keyof Filters, value: string) => {
    const next = new URLSearchParams(params.toString());
    if (value) next.set(key, value);
    else next.delete(key);
    router.replace(`${pathname}?${next.toString()}`, { scroll: false });
  };

  const exportCsv = () => {
    const header = [
      'time',
      'requestId',
      'userId',
      'tokenId',
      'channelId',
      'model',
      'upstreamModel',
      'promptTokens',
      'completionTokens',
      'cachedTokens',
      'reasoningTokens',
      'quota',
      'usd',
      'latencyMs',
      'ttftMs',
      'stream',
      'status',
      'httpStatus',
      'clientIp',
    ];
    const rows = logs.map((l) => [
      l.time as string,
      l.requestId,
      l.userId,
      l.tokenId,
      l.channelId,
      l.model,
      l.upstreamModel,
      l.promptTokens,
      l.completionTokens,
      l.cachedTokens,
      l.reasoningTokens,
      l.quota,
      quotaToUsd(l.quota),
      l.latencyMs,
      l.ttftMs,
      l.stream,
      l.status,
      l.httpStatus,
      l.clientIp,
    ]);
    const sum = (f: (l: Log) => number) => logs.reduce((a, l) => a + f(l), 0);
    const quota = logs.reduce((a, l) => a + BigInt(l.quota), 0n).toString();
    rows.push([
      'TOTAL',
      `${logs.length} requests`,
      '',
      '',
      '',
      '',
      '',
      sum((l) => l.promptTokens),
      sum((l) => l.completionTokens),
      sum((l) => l.cachedTokens),
      sum((l) => l.reasoningTokens),
      quota,
      quotaToUsd(quota),
      '',
      '',
      '',
      '',
      '',
      '',
    ]);
    download(`usage-${new Date().toISOString().slice(0, 10)}.csv`, toCsv(header, rows), 'text/csv');
  };

  const columns: ColumnDef<Log, unknown>[] = [
    { header: t('logs.time'), cell: ({ row }) => formatDateTime(row.original.time as string, locale) },
    ...(staff
      ? [
          {
            header: t('logs.user'),
            cell: ({ row }: { row: { original: Log } }) => row.original.userId,
          } as ColumnDef<Log, unknown>,
        ]
      : []),
    { header: t('logs.token'), cell: ({ row }) => row.original.tokenId },
    {
      header: t('logs.model'),
      cell: ({ row }) => (
        <span>
          {row.original.model}
          {row.original.upstreamModel && row.original.upstreamModel !== row.original.model ? (
            <span className="text-xs text-muted-fg"> → {row.original.upstreamModel}</span>
          ) : null}
        </span>
      ),
    },
    ...(staff
      ? [
          {
            header: t('logs.channel'),
            cell: ({ row }: { row: { original: Log } }) => row.original.channelId ?? '—',
          } as ColumnDef<Log, unknown>,
        ]
      : []),
    {
      header: t('logs.tokens'),
      cell: ({ row }) =>
        `${formatNumber(row.original.promptTokens, locale)} / ${formatNumber(row.original.completionTokens, locale)}`,
    },
    { header: t('logs.cost'), cell: ({ row }) => formatUsd(quotaToUsd(row.original.quota), locale) },
    {
      header: t('logs.latency'),
      cell: ({ row }) =>
        `${row.original.latencyMs} ms${row.original.ttftMs != null ? ` (${row.original.ttftMs})` : ''}`,
    },
    {
      header: t('logs.status'),
      cell: ({ row }) => (
        <Badge tone={row.original.status === 'success' ? 'success' : 'danger'}>
          {row.original.status} {row.original.httpStatus}
        </Badge>
      ),
    },
  ];

  return (
    <div>
      <PageHeader
        title={t('nav.logs')}
        description={t('logs.description')}
        actions={
          <>
            <Button
              variant="outline"
              size="icon"
              aria-label={t('common.refresh')}
              onClick={() => refetch({ requestPolicy: 'network-only' })}
            >
              <RefreshCw className="h-4 w-4" />
            </Button>
            <Button variant="outline" onClick={exportCsv} disabled={!logs.length}>
              <FileDown className="h-4 w-4" /> CSV
            </Button>
          </>
        }
      />
      <div className="mb-3 grid grid-cols-2 gap-2 sm:grid-cols-4 lg:grid-cols-8">
        {staff && fixedUserId === undefined ? (
          <FilterInput
            label={t('logs.user')}
            value={filters.user}
            onChange={(v) => setFilter('user', v)}
            numeric
          />
        ) : null}
        <FilterInput
          label={t('logs.token')}
          value={filters.token}
          onChange={(v) => setFilter('token', v)}
          numeric
        />
        <FilterInput label={t('logs.model')} value={filters.model} onChange={(v) => setFilter('model', v)} />
        {staff ? (
          <FilterInput
            label={t('logs.channel')}
            value={filters.channel}
            onChange={(v) => setFilter('channel', v)}
            numeric
          />
        ) : null}
        <Select
          aria-label={t('logs.status')}
          value={filters.status}
          onChange={(e) => setFilter('status', e.target.value)}
        >
          <option value="">{t('logs.anyStatus')}</option>
          <option value="success">success</option>
          <option value="error">error</option>
        </Select>
        <FilterInput
          label={t('logs.requestId')}
          value={filters.request}
          onChange={(v) => setFilter('request', v)}
        />
        <Input
          type="datetime-local"
          aria-label={t('logs.from')}
          title={t('logs.from')}
          value={filters.from}
          onChange={(e) => setFilter('from', e.target.value)}
        />
        <Input
          type="datetime-local"
          aria-label={t('logs.to')}
          title={t('logs.to')}
          value={filters.to}
          onChange={(e) => setFilter('to', e.target.value)}
        />
      </div>
      {result.error ? (
        <ErrorPanel error={result.error} onRetry={() => refetch({ requestPolicy: 'network-only' })} />
      ) : !result.data ? (
        <PageSkeleton />
      ) : logs.length === 0 ? (
        <EmptyState title={t('logs.empty')} hint={t('logs.emptyHint')} />
      ) : (
        <>
          <DataTable
            data={logs}
            columns={columns}
            getRowId={(l) => l.id}
            onRowClick={setDetail}
            testId="logs-table"
          />
          <div className="mt-3 flex items-center justify-between text-sm text-muted-fg">
            <span>{t('logs.shown', { count: logs.length })}</span>
            <Button
              size="sm"
              variant="outline"
              disabled={all.length < limit || limit >= 500}
              onClick={() => setLimit(Math.min(500, limit + 100))}
            >
              {t('common.loadMore')}
            </Button>
          </div>
        </>
      )}
      <Dialog
        open={detail !== null}
        onOpenChange={(o) => !o && setDetail(null)}
        title={t('logs.detail')}
        description={detail?.requestId}
        side="right"
      >
        {detail ? <LogDetail log={detail} /> : null}
      </Dialog>
    </div>
  );
}

function FilterInput({
  label,
  value,
  onChange,
  numeric,
}: {
  label: string;
  value: string;
  onChange: (v: string) => void;
  numeric?: boolean;
}) {
  const [draft, setDraft] = useState(value);
  return (
    <Input
      aria-label={label}
      placeholder={label}
      inputMode={numeric ? 'numeric' : undefined}
      value={draft}
      onChange={(e) => setDraft(e.target.value)}
      onBlur={() => draft !== value && onChange(draft.trim())}
      onKeyDown={(e) => e.key === 'Enter' && onChange(draft.trim())}
    />
  );
}

function LogDetail({ log }: { log: Log }) {
  const t = useT();
  const locale = useLocale();
  const attempts = Array.isArray(log.attempts) ? (log.attempts as Attempt[]) : [];
  const rows: [string, string | number | null | undefined][] = [
    [t('logs.time'), formatDateTime(log.time as string, locale)],
    [t('logs.endpoint'), log.endpoint],
    [t('logs.model'), log.model],
    [t('logs.upstreamModel'), log.upstreamModel],
    [t('logs.group'), log.group],
    [t('logs.promptTokens'), log.promptTokens],
    [t('logs.completionTokens'), log.completionTokens],
    [t('logs.cachedTokens'), log.cachedTokens],
    [t('logs.reasoningTokens'), log.reasoningTokens],
    [t('logs.quota'), `${log.quota} (${formatUsd(quotaToUsd(log.quota), locale)})`],
    [t('logs.latency'), `${log.latencyMs} ms`],
    [t('logs.ttft'), log.ttftMs != null ? `${log.ttftMs} ms` : '—'],
    [t('logs.stream'), log.stream ? '✓' : '—'],
    [t('logs.status'), `${log.status} (${log.httpStatus})`],
    [t('logs.clientIp'), log.clientIp],
    [t('logs.estimated'), log.usageEstimated ? t('logs.estimatedYes') : '—'],
  ];
  return (
    <div className="grid gap-4 text-sm">
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1">
        {rows.map(([k, v]) => (
          <div key={k} className="contents">
            <dt className="text-muted-fg">{k}</dt>
            <dd className="break-all">{v ?? '—'}</dd>
          </div>
        ))}
      </dl>
      {log.errorMessage ? (
        <p className="rounded-md bg-danger/10 p-2 text-danger">{log.errorMessage}</p>
      ) : null}
      <div>
        <h3 className="mb-2 font-medium">{t('logs.attempts', { count: attempts.length })}</h3>
        <ol className="grid gap-2">
          {attempts.map((a, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: attempts are ordered and immutable
            <li key={i} className="rounded-md border border-border p-2">
              <span className="font-medium">#{i + 1}</span> · {t('logs.channel')} {a.channelId ?? '—'} ·{' '}
              {String(a.status ?? '—')} · {a.latencyMs ?? '—'} ms
              {a.error ? <p className="text-xs text-danger">{a.error}</p> : null}
            </li>
          ))}
        </ol>
      </div>
    </div>
  );
}
