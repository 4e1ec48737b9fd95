'use client';
import type { ColumnDef } from '@tanstack/react-table';
import { useClient, useQuery } from '@urql/next';
import { FileDown, RefreshCw } from 'lucide-react';
import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { useEffect, useMemo, useState } from 'react';
import { DataTable } from '@/components/common/data-table';
import { PageHeader } from '@/components/common/page-header';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { EmptyState } from '@/components/ui/empty-state';
import { ErrorPanel, useErrorToastText } from '@/components/ui/error-panel';
import { Input, Select } from '@/components/ui/input';
import { PageSkeleton } from '@/components/ui/skeleton';
import { useToast } from '@/components/ui/toast';
import type { OperationResult } from '@urql/core';
import type {
  UsageLogFieldsFragment,
  UsageLogFilter,
  UsageLogsQuery as UsageLogsData,
} from '@/graphql/generated/graphql';
import { UsageLogsQuery, UsageLogTotalsQuery } from '@/graphql/usage';
import { download, toCsv } from '@/lib/csv';
import { formatDateTime, formatNumber, formatUsd } from '@/lib/format';
import { useMoney } from '@/lib/money';
import { useLocale, useT } from '@/lib/i18n/client';
import { useIsStaff } from '@/lib/me-context';

type Log = UsageLogFieldsFragment;
interface Attempt {
  channelId?: number;
  status?: number | string;
  latencyMs?: number;
  error?: string | null;
}

/** Filters kept in the URL so that a filtered view can be shared and survives a reload. */
const FILTERS = ['user', 'token', 'model', 'channel', 'status', 'request', 'from', 'to'] as const;
type Filters = Record<(typeof FILTERS)[number], string>;
const STATUSES = ['success', 'partial', 'aborted', 'failed'];
const PAGE = 50;

/** URL filters → the api's UsageLogFilter (times are local, as typed in the browser). */
export function toUsageFilter(f: Filters, fixedUserId?: number): UsageLogFilter {
  const int = (v: string) => (/^\d+$/.test(v) ? Number(v) : null);
  return {
    userId: fixedUserId ?? int(f.user),
    tokenId: int(f.token),
    channelId: int(f.channel),
    model: f.model || null,
    status: f.status || null,
    requestId: f.request || null,
    from: f.from ? new Date(f.from).toISOString() : null,
    to: f.to ? new Date(f.to).toISOString() : null,
  };
}

export function LogsView({ fixedUserId }: { fixedUserId?: number }) {
  const t = useT();
  const { quotaToUsd } = useMoney();
  const locale = useLocale();
  const staff = useIsStaff();
  const toast = useToast();
  const errorText = useErrorToastText();
  const client = useClient();
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const key = params.toString();
  const filters = useMemo(
    () => Object.fromEntries(FILTERS.map((k) => [k, new URLSearchParams(key).get(k) ?? ''])) as Filters,
    [key],
  );
  const filter = useMemo(() => toUsageFilter(filters, fixedUserId), [filters, fixedUserId]);
  // Keyset pagination: the cursors we came through, so "previous" works too; reset with the filters.
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new filter starts again from the first page
  useEffect(() => setCursors([null]), [filter]);
  const after = cursors[cursors.length - 1] ?? null;
  const [detail, setDetail] = useState<Log | null>(null);
  const [exporting, setExporting] = useState(false);
  const [result, refetch] = useQuery({ query: UsageLogsQuery, variables: { filter, first: PAGE, after } });
  const [totals, refetchTotals] = useQuery({ query: UsageLogTotalsQuery, variables: { filter } });
  const logs = (result.data?.usageLogs.edges ?? []).map((e) => e.node);
  const pageInfo = result.data?.usageLogs.pageInfo;
  const refresh = () => {
    refetch({ requestPolicy: 'network-only' });
    refetchTotals({ requestPolicy: 'network-only' });
  };
  const setFilter = (name: keyof Filters, value: string) => {
    const next = new URLSearchParams(params.toString());
    if (value) next.set(name, value);
    else next.delete(name);
    router.replace(`${pathname}?${next.toString()}`, { scroll: false });
  };

  /** Every row of the filtered set (pages of 1000) with the api's totals as the last line. */
  const exportCsv = async () => {
    setExporting(true);
    const rows: Log[] = [];
    let cursor: string | null = null;
    try {
      for (;;) {
        const r: OperationResult<UsageLogsData> = await client
          .query(UsageLogsQuery, { filter, first: 1000, after: cursor }, { requestPolicy: 'network-only' })
          .toPromise();
        const err = errorText(r.error);
        if (err) return toast({ kind: 'error', ...err });
        const page: UsageLogsData['usageLogs'] | undefined = r.data?.usageLogs;
        rows.push(...(page?.edges ?? []).map((e) => e.node));
        if (!page?.pageInfo.hasNextPage || !page.pageInfo.endCursor) break;
        cursor = page.pageInfo.endCursor;
      }
      const sum = await client
        .query(UsageLogTotalsQuery, { filter }, { requestPolicy: 'network-only' })
        .toPromise();
      const tot = sum.data?.usageLogTotals;
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
      const lines: (string | number | boolean | null | undefined)[][] = rows.map((l) => [
        l.time,
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
      if (tot)
        lines.push([
          'TOTAL',
          `${tot.requests} requests, ${tot.errors} errors`,
          '',
          '',
          '',
          '',
          '',
          tot.promptTokens,
          tot.completionTokens,
          '',
          '',
          tot.quota,
          quotaToUsd(tot.quota),
          '',
          '',
          '',
          '',
          '',
          '',
        ]);
      download(`usage-${new Date().toISOString().slice(0, 10)}.csv`, toCsv(header, lines), 'text/csv');
    } finally {
      setExporting(false);
    }
  };

  const columns: ColumnDef<Log, unknown>[] = [
    { header: t('logs.time'), cell: ({ row }) => formatDateTime(row.original.time, locale) },
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
        <Badge
          tone={
            row.original.status === 'success'
              ? 'success'
              : row.original.status === 'failed'
                ? 'danger'
                : 'warning'
          }
        >
          {row.original.status} {row.original.httpStatus}
        </Badge>
      ),
    },
  ];

  const tot = totals.data?.usageLogTotals;
  return (
    <div>
      <PageHeader
        title={t('nav.logs')}
        description={t('logs.description')}
        actions={
          <>
            <Button variant="outline" size="icon" aria-label={t('common.refresh')} onClick={refresh}>
              <RefreshCw className="h-4 w-4" />
            </Button>
            <Button variant="outline" onClick={exportCsv} disabled={!logs.length || exporting}>
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
          {STATUSES.map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
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
      {tot ? (
        <p className="mb-3 text-sm text-muted-fg" data-testid="logs-totals">
          {t('logs.totals', {
            requests: formatNumber(tot.requests, locale),
            errors: formatNumber(tot.errors, locale),
            prompt: formatNumber(tot.promptTokens, locale),
            completion: formatNumber(tot.completionTokens, locale),
            cost: formatUsd(quotaToUsd(tot.quota), locale),
          })}
        </p>
      ) : null}
      {result.error ? (
        <ErrorPanel error={result.error} onRetry={refresh} />
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
          <div className="mt-3 flex items-center justify-end gap-2 text-sm">
            <Button
              size="sm"
              variant="outline"
              disabled={cursors.length === 1}
              onClick={() => setCursors(cursors.slice(0, -1))}
            >
              {t('common.previous')}
            </Button>
            <Button
              size="sm"
              variant="outline"
              disabled={!pageInfo?.hasNextPage}
              onClick={() => pageInfo?.endCursor && setCursors([...cursors, pageInfo.endCursor])}
            >
              {t('common.next')}
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
  const { quotaToUsd } = useMoney();
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
