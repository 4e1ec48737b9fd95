'use client';
import { PROVIDERS, providerInfo } from '@switchboard/shared/providers';
import type { ColumnDef, RowSelectionState } from '@tanstack/react-table';
import { useMutation, useQuery } from '@urql/next';
import { FlaskConical, Pencil, Plus, RefreshCw } from 'lucide-react';
import { useMemo, useState } from 'react';
import { DataTable, SelectAllCheckbox } from '@/components/common/data-table';
import { JobProgress } from '@/components/common/job-progress';
import { PageHeader } from '@/components/common/page-header';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { useConfirm } from '@/components/ui/confirm';
import { EmptyState } from '@/components/ui/empty-state';
import { ErrorPanel, useErrorToastText } from '@/components/ui/error-panel';
import { Input, Select } from '@/components/ui/input';
import { PageSkeleton } from '@/components/ui/skeleton';
import { useToast } from '@/components/ui/toast';
import {
  ChannelsQuery,
  DeleteChannelsMutation,
  DisableChannelsMutation,
  EnableChannelsMutation,
  SetChannelPriorityMutation,
  StartTestChannelsMutation,
  TestChannelMutation,
} from '@/graphql/channels';
import type { ChannelFieldsFragment } from '@/graphql/generated/graphql';
import { GroupNamesQuery } from '@/graphql/groups';
import { cn } from '@/lib/cn';
import { useLocale, useT } from '@/lib/i18n/client';
import { ChannelForm } from './channel-form';
import { statusTone, useChannelHealth } from './use-channel-health';

type Channel = ChannelFieldsFragment;
const STATUSES = ['enabled', 'manually_disabled', 'auto_disabled'];

export function ChannelsView() {
  const t = useT();
  const locale = useLocale();
  const toast = useToast();
  const confirm = useConfirm();
  const errorText = useErrorToastText();
  const [type, setType] = useState('');
  const [status, setStatus] = useState('');
  const [group, setGroup] = useState('');
  const [search, setSearch] = useState('');
  const [selection, setSelection] = useState<RowSelectionState>({});
  const [editing, setEditing] = useState<Channel | null | undefined>(undefined);
  const [progress, setProgress] = useState<{ done: number; total: number; failed: number } | null>(null);
  const [jobId, setJobId] = useState<string | null>(null);
  const [, startTests] = useMutation(StartTestChannelsMutation);
  const [result, refetch] = useQuery({
    query: ChannelsQuery,
    variables: { type: type || null, status: status || null, search: search || null },
  });
  const [groupsResult] = useQuery({ query: GroupNamesQuery });
  const groupNames = (groupsResult.data?.groups ?? []).map((g) => g.name);
  const live = useChannelHealth();
  const [, enable] = useMutation(EnableChannelsMutation);
  const [, disable] = useMutation(DisableChannelsMutation);
  const [, setPriority] = useMutation(SetChannelPriorityMutation);
  const [, remove] = useMutation(DeleteChannelsMutation);
  const [, test] = useMutation(TestChannelMutation);

  const channels = useMemo(
    () => (result.data?.channels ?? []).filter((c) => !group || c.groups.includes(group)),
    [result.data, group],
  );
  const selected = Object.keys(selection).filter((id) => selection[id]);
  const reload = () => refetch({ requestPolicy: 'network-only' });

  const runTests = async (ids: string[]) => {
    setProgress({ done: 0, total: ids.length, failed: 0 });
    let failed = 0;
    let done = 0;
    // Three at a time: fast enough for dozens of channels without flooding one upstream.
    const queue = [...ids];
    let last = '';
    const worker = async () => {
      for (let id = queue.shift(); id; id = queue.shift()) {
        const r = await test({ id });
        const result = r.data?.testChannel;
        if (r.error || !result?.ok) failed++;
        // One channel: say what happened (latency, or the upstream's error and status).
        last = r.error
          ? (errorText(r.error)?.detail ?? '')
          : result
            ? result.ok
              ? t('channels.testOk', { model: result.model, ms: result.latencyMs })
              : t('channels.testFailed', {
                  model: result.model,
                  status: result.status,
                  error: result.error ?? '',
                })
            : '';
        done++;
        setProgress({ done, total: ids.length, failed });
      }
    };
    await Promise.all([worker(), worker(), worker()]);
    toast({
      kind: failed ? 'error' : 'success',
      title: t('channels.testDone', { ok: ids.length - failed, failed }),
      detail: ids.length === 1 ? last : undefined,
    });
    setTimeout(() => setProgress(null), 1500);
    reload();
  };

  const batch = async (action: 'enable' | 'disable' | 'delete' | 'priority') => {
    let r: { error?: Parameters<typeof errorText>[0] };
    if (action === 'delete') {
      const ok = await confirm({
        title: t('channels.deleteConfirm', { count: selected.length }),
        description: t('common.irreversible'),
        destructive: true,
        confirmLabel: t('common.delete'),
      });
      if (!ok) return;
      r = await remove({ ids: selected });
    } else if (action === 'priority') {
      const value = window.prompt(t('channels.priorityPrompt'), '0');
      if (value === null || !/^-?\d+$/.test(value.trim())) return;
      r = await setPriority({ ids: selected, priority: Number(value) });
    } else if (action === 'disable') {
      r = await disable({ ids: selected, reason: null });
    } else {
      r = await enable({ ids: selected });
    }
    const err = errorText(r.error);
    if (err) return toast({ kind: 'error', ...err });
    toast({ kind: 'success', title: t(`channels.batchDone.${action}`, { count: selected.length }) });
    setSelection({});
    reload();
  };

  const columns: ColumnDef<Channel, unknown>[] = [
    {
      id: 'select',
      header: ({ table }) => (
        <SelectAllCheckbox
          label={t('common.selectAll')}
          checked={table.getIsAllRowsSelected()}
          indeterminate={table.getIsSomeRowsSelected()}
          onChange={(v) => table.toggleAllRowsSelected(v)}
        />
      ),
      cell: ({ row }) => (
        <input
          type="checkbox"
          aria-label={t('common.selectRow', { name: row.original.name })}
          checked={row.getIsSelected()}
          onChange={row.getToggleSelectedHandler()}
          onClick={(e) => e.stopPropagation()}
        />
      ),
    },
    {
      header: t('channels.status'),
      cell: ({ row }) => {
        const c = row.original;
        const h = live[c.id];
        const s = h?.status ?? c.status;
        const reason = h?.reason !== undefined ? h.reason : c.statusReason;
        return (
          <span className="flex items-center gap-2" title={reason ?? undefined}>
            <span
              aria-hidden
              className={cn(
                'h-2.5 w-2.5 rounded-full',
                { success: 'bg-success', danger: 'bg-danger', warning: 'bg-warning', neutral: 'bg-muted-fg' }[
                  statusTone(s)
                ],
              )}
            />
            <Badge tone={statusTone(s)} data-testid={`channel-status-${c.id}`}>
              {t(`channels.statuses.${s}`)}
            </Badge>
            {s === 'auto_disabled' && reason ? (
              <span className="max-w-48 truncate text-xs text-danger">{reason}</span>
            ) : null}
          </span>
        );
      },
    },
    {
      header: t('channels.name'),
      cell: ({ row }) => <span className="font-medium">{row.original.name}</span>,
    },
    {
      header: t('channels.type'),
      cell: ({ row }) => providerInfo(row.original.type)?.label[locale] ?? row.original.type,
    },
    {
      header: t('channels.models'),
      cell: ({ row }) => (
        <span
          className="block max-w-56 truncate text-xs text-muted-fg"
          title={row.original.models.join(', ')}
        >
          {row.original.models.join(', ')}
        </span>
      ),
    },
    { header: t('channels.groups'), cell: ({ row }) => row.original.groups.join(', ') },
    { header: t('channels.priority'), cell: ({ row }) => row.original.priority },
    { header: t('channels.weight'), cell: ({ row }) => row.original.weight },
    {
      header: t('channels.responseTime'),
      cell: ({ row }) => {
        const ms = live[row.original.id]?.latencyMs ?? row.original.responseTimeMs;
        return ms == null ? (
          '—'
        ) : (
          <span
            className={cn(ms > 5000 ? 'text-danger' : ms > 2000 ? 'text-warning' : '')}
          >{`${ms} ms`}</span>
        );
      },
    },
    {
      header: t('channels.balance'),
      cell: ({ row }) => (row.original.balanceUsd ? `$${row.original.balanceUsd}` : '—'),
    },
    {
      id: 'actions',
      header: '',
      cell: ({ row }) => (
        <div className="flex gap-1">
          <Button
            size="icon"
            variant="ghost"
            aria-label={t('channels.test')}
            title={t('channels.test')}
            disabled={progress !== null}
            onClick={() => runTests([row.original.id])}
          >
            <FlaskConical className="h-4 w-4" />
          </Button>
          <Button
            size="icon"
            variant="ghost"
            aria-label={t('common.edit')}
            onClick={() => setEditing(row.original)}
          >
            <Pencil className="h-4 w-4" />
          </Button>
        </div>
      ),
    },
  ];

  return (
    <div>
      <PageHeader
        title={t('nav.channels')}
        description={t('channels.description')}
        actions={
          <>
            <Button
              variant="outline"
              onClick={async () => {
                // All channels with automatic tests on, as one job on the api's queue.
                const r = await startTests({ ids: null });
                const err = errorText(r.error);
                if (err) return toast({ kind: 'error', ...err });
                setJobId(r.data?.startTestChannels.jobId ?? null);
              }}
              disabled={!channels.length || progress !== null || jobId !== null}
            >
              <FlaskConical className="h-4 w-4" /> {t('channels.testAll')}
            </Button>
            <Button onClick={() => setEditing(null)} data-testid="channel-create">
              <Plus className="h-4 w-4" /> {t('channels.create')}
            </Button>
          </>
        }
      />
      <div className="mb-3 flex flex-wrap items-center gap-2">
        <Input
          className="w-56"
          type="search"
          placeholder={t('channels.searchPlaceholder')}
          aria-label={t('common.search')}
          value={search}
          onChange={(e) => setSearch(e.target.value)}
        />
        <Select
          className="w-44"
          aria-label={t('channels.type')}
          value={type}
          onChange={(e) => setType(e.target.value)}
        >
          <option value="">{t('channels.allTypes')}</option>
          {PROVIDERS.map((p) => (
            <option key={p.type} value={p.type}>
              {p.label[locale]}
            </option>
          ))}
        </Select>
        <Select
          className="w-40"
          aria-label={t('channels.status')}
          value={status}
          onChange={(e) => setStatus(e.target.value)}
        >
          <option value="">{t('channels.allStatuses')}</option>
          {STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`channels.statuses.${s}`)}
            </option>
          ))}
        </Select>
        <Select
          className="w-36"
          aria-label={t('channels.groups')}
          value={group}
          onChange={(e) => setGroup(e.target.value)}
        >
          <option value="">{t('channels.allGroups')}</option>
          {groupNames.map((g) => (
            <option key={g}>{g}</option>
          ))}
        </Select>
        <Button variant="ghost" size="icon" aria-label={t('common.refresh')} onClick={reload}>
          <RefreshCw className="h-4 w-4" />
        </Button>
      </div>
      {jobId ? (
        <JobProgress
          jobId={jobId}
          onEnd={(job) => {
            setJobId(null);
            toast(
              job.state === 'completed'
                ? { kind: 'success', title: t('jobs.testAllDone'), detail: job.message ?? undefined }
                : {
                    kind: 'error',
                    title: t('jobs.testAllFailed', { reason: job.failedReason ?? job.state }),
                  },
            );
            reload();
          }}
        />
      ) : null}
      {progress ? (
        <div className="mb-3 grid gap-1" role="status">
          <p className="text-sm">
            {t('channels.testing', { done: progress.done, total: progress.total, failed: progress.failed })}
          </p>
          <progress className="h-2 w-full" max={progress.total} value={progress.done} />
        </div>
      ) : null}
      {selected.length ? (
        <div className="mb-3 flex flex-wrap items-center gap-2 rounded-md border border-primary/30 bg-primary/5 p-2 text-sm">
          <span className="px-1">{t('common.selected', { count: selected.length })}</span>
          <Button size="sm" variant="outline" onClick={() => batch('enable')}>
            {t('channels.enable')}
          </Button>
          <Button size="sm" variant="outline" onClick={() => batch('disable')}>
            {t('channels.disable')}
          </Button>
          <Button size="sm" variant="outline" onClick={() => batch('priority')}>
            {t('channels.setPriority')}
          </Button>
          <Button size="sm" variant="outline" onClick={() => runTests(selected)} disabled={progress !== null}>
            {t('channels.test')}
          </Button>
          <Button size="sm" variant="destructive" onClick={() => batch('delete')}>
            {t('common.delete')}
          </Button>
        </div>
      ) : null}
      {result.error ? (
        <ErrorPanel error={result.error} onRetry={reload} />
      ) : !result.data ? (
        <PageSkeleton />
      ) : channels.length === 0 ? (
        <EmptyState
          title={t('channels.empty')}
          hint={t('channels.emptyHint')}
          action={<Button onClick={() => setEditing(null)}>{t('channels.create')}</Button>}
        />
      ) : (
        <DataTable
          data={channels}
          columns={columns}
          getRowId={(c) => c.id}
          selection={selection}
          onSelectionChange={setSelection}
          testId="channels-table"
        />
      )}
      {editing !== undefined ? (
        <ChannelForm
          key={editing?.id ?? 'new'}
          channel={editing}
          open
          onOpenChange={(o) => !o && setEditing(undefined)}
          groups={groupNames}
          onSaved={reload}
        />
      ) : null}
    </div>
  );
}
