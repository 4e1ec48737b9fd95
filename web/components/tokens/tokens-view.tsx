'use client';
import type { ColumnDef } from '@tanstack/react-table';
import { useClient, useMutation, useQuery } from '@urql/next';
import { FileDown, KeyRound, Pencil, Plus, RotateCcw, Trash2 } from 'lucide-react';
import { useState } from 'react';
import { DataTable } from '@/components/common/data-table';
import { PageHeader } from '@/components/common/page-header';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { useConfirm } from '@/components/ui/confirm';
import { EmptyState } from '@/components/ui/empty-state';
import { ErrorPanel, useErrorToastText } from '@/components/ui/error-panel';
import { Input, Select } from '@/components/ui/input';
import { PageSkeleton } from '@/components/ui/skeleton';
import { useToast } from '@/components/ui/toast';
import type { TokenFieldsFragment } from '@/graphql/generated/graphql';
import { GroupNamesQuery } from '@/graphql/groups';
import {
  DeleteTokensMutation,
  ExportTokensQuery,
  RegenerateTokenKeyMutation,
  TokensQuery,
  UpdateTokenMutation,
} from '@/graphql/tokens';
import { download } from '@/lib/csv';
import { formatDateTime, formatUsd } from '@/lib/format';
import { useMoney } from '@/lib/money';
import { useLocale, useT } from '@/lib/i18n/client';
import { useIsStaff } from '@/lib/me-context';
import { KeyOnceDialog } from './key-once-dialog';
import { TokenForm } from './token-form';

type Token = TokenFieldsFragment;
const PAGE = 50;

export function TokensView({ userId, embedded }: { userId?: number; embedded?: boolean }) {
  const t = useT();
  const { quotaToUsd } = useMoney();
  const locale = useLocale();
  const toast = useToast();
  const confirm = useConfirm();
  const errorText = useErrorToastText();
  const client = useClient();
  const staff = useIsStaff();
  const [search, setSearch] = useState('');
  const [status, setStatus] = useState('');
  const [page, setPage] = useState(0);
  const [editing, setEditing] = useState<Token | null | undefined>(undefined);
  const [secret, setSecret] = useState<string | null>(null);
  const variables = {
    userId: userId ?? null,
    search: search || null,
    status: status || null,
    limit: PAGE,
    offset: page * PAGE,
  };
  const [result, refetch] = useQuery({ query: TokensQuery, variables });
  const [groupsResult] = useQuery({ query: GroupNamesQuery, pause: !staff });
  const groups = (groupsResult.data?.groups ?? []).map((g) => g.name);
  const [, update] = useMutation(UpdateTokenMutation);
  const [, regenerate] = useMutation(RegenerateTokenKeyMutation);
  const [, remove] = useMutation(DeleteTokensMutation);
  const reload = () => refetch({ requestPolicy: 'network-only' });
  const total = result.data?.tokens.total ?? 0;

  const act = async (promise: Promise<{ error?: Parameters<typeof errorText>[0] }>, done: string) => {
    const r = await promise;
    const err = errorText(r.error);
    if (err) return toast({ kind: 'error', ...err });
    toast({ kind: 'success', title: done });
    reload();
  };

  /** The api's export (settings and balances; keys exist only as hashes) of your tokens or one customer's. */
  const exportAll = async (format: 'csv' | 'json') => {
    const r = await client
      .query(ExportTokensQuery, { userId: userId ?? null, format }, { requestPolicy: 'network-only' })
      .toPromise();
    const err = errorText(r.error);
    if (err) return toast({ kind: 'error', ...err });
    const stamp = new Date().toISOString().slice(0, 10);
    download(
      `tokens-${stamp}.${format}`,
      r.data?.exportTokens ?? '',
      format === 'json' ? 'application/json' : 'text/csv',
    );
  };

  const columns: ColumnDef<Token, unknown>[] = [
    {
      header: t('tokens.name'),
      cell: ({ row }) => (
        <div>
          <p className="font-medium">{row.original.name}</p>
          <p className="font-mono text-xs text-muted-fg">{row.original.keyPrefix}…</p>
        </div>
      ),
    },
    {
      header: t('tokens.status'),
      cell: ({ row }) => {
        const k = row.original;
        const expired = k.expiresAt && new Date(k.expiresAt as string).getTime() < Date.now();
        return expired ? (
          <Badge tone="warning">{t('tokens.expired')}</Badge>
        ) : (
          <Badge tone={k.status === 'enabled' ? 'success' : 'neutral'}>
            {t(`tokens.statuses.${k.status}`)}
          </Badge>
        );
      },
    },
    {
      header: t('tokens.remaining'),
      cell: ({ row }) =>
        row.original.unlimited
          ? t('tokens.unlimited')
          : formatUsd(quotaToUsd(row.original.remainQuota), locale),
    },
    { header: t('tokens.used'), cell: ({ row }) => formatUsd(quotaToUsd(row.original.usedQuota), locale) },
    {
      header: t('tokens.expiresAt'),
      cell: ({ row }) =>
        row.original.expiresAt ? formatDateTime(row.original.expiresAt as string, locale) : t('tokens.never'),
    },
    {
      header: t('tokens.lastUsed'),
      cell: ({ row }) => formatDateTime(row.original.lastUsedAt as string | null, locale),
    },
    {
      id: 'actions',
      header: '',
      cell: ({ row }) => {
        const k = row.original;
        return (
          <div className="flex items-center gap-1">
            <Button
              size="sm"
              variant="ghost"
              onClick={() =>
                act(
                  update({ id: k.id, input: { status: k.status === 'enabled' ? 'disabled' : 'enabled' } }),
                  t('tokens.saved'),
                )
              }
            >
              {k.status === 'enabled' ? t('tokens.disable') : t('tokens.enable')}
            </Button>
            <Button size="icon" variant="ghost" aria-label={t('common.edit')} onClick={() => setEditing(k)}>
              <Pencil className="h-4 w-4" />
            </Button>
            <Button
              size="icon"
              variant="ghost"
              aria-label={t('tokens.regenerate')}
              title={t('tokens.regenerate')}
              onClick={async () => {
                if (
                  !(await confirm({
                    title: t('tokens.regenerateConfirm', { name: k.name }),
                    description: t('tokens.regenerateHint'),
                    destructive: true,
                    confirmLabel: t('tokens.regenerate'),
                  }))
                )
                  return;
                const r = await regenerate({ id: k.id });
                const err = errorText(r.error);
                if (err) return toast({ kind: 'error', ...err });
                if (r.data) setSecret(r.data.regenerateTokenKey.key);
              }}
            >
              <RotateCcw className="h-4 w-4" />
            </Button>
            <Button
              size="icon"
              variant="ghost"
              aria-label={t('common.delete')}
              onClick={async () => {
                if (
                  await confirm({
                    title: t('tokens.deleteConfirm', { name: k.name }),
                    description: t('common.irreversible'),
                    destructive: true,
                    confirmLabel: t('common.delete'),
                  })
                ) {
                  await act(remove({ ids: [k.id] }), t('tokens.deleted'));
                }
              }}
            >
              <Trash2 className="h-4 w-4" />
            </Button>
          </div>
        );
      },
    },
  ];

  const header = (
    <PageHeader
      title={embedded ? t('tokens.title') : t('nav.tokens')}
      description={embedded ? undefined : t('tokens.description')}
      actions={
        <>
          <Button variant="outline" onClick={() => exportAll('csv')}>
            <FileDown className="h-4 w-4" /> CSV
          </Button>
          <Button variant="outline" onClick={() => exportAll('json')}>
            <FileDown className="h-4 w-4" /> JSON
          </Button>
          <Button onClick={() => setEditing(null)} data-testid="token-create">
            <Plus className="h-4 w-4" /> {t('tokens.create')}
          </Button>
        </>
      }
    />
  );

  return (
    <div>
      {header}
      <div className="mb-3 flex flex-wrap gap-2">
        <Input
          className="w-64"
          type="search"
          aria-label={t('common.search')}
          placeholder={t('tokens.searchPlaceholder')}
          value={search}
          onChange={(e) => {
            setSearch(e.target.value);
            setPage(0);
          }}
        />
        <Select
          className="w-40"
          aria-label={t('tokens.status')}
          value={status}
          onChange={(e) => {
            setStatus(e.target.value);
            setPage(0);
          }}
        >
          <option value="">{t('tokens.allStatuses')}</option>
          <option value="enabled">{t('tokens.statuses.enabled')}</option>
          <option value="disabled">{t('tokens.statuses.disabled')}</option>
        </Select>
      </div>
      {result.error ? (
        <ErrorPanel error={result.error} onRetry={reload} />
      ) : !result.data ? (
        <PageSkeleton />
      ) : result.data.tokens.items.length === 0 ? (
        <EmptyState
          title={t('tokens.empty')}
          hint={t('tokens.emptyHint')}
          action={
            <Button onClick={() => setEditing(null)}>
              <KeyRound className="h-4 w-4" /> {t('tokens.create')}
            </Button>
          }
        />
      ) : (
        <>
          <DataTable
            data={result.data.tokens.items}
            columns={columns}
            getRowId={(k) => k.id}
            testId="tokens-table"
          />
          <div className="mt-3 flex items-center justify-between text-sm text-muted-fg">
            <span>{t('common.totalCount', { count: total })}</span>
            <div className="flex gap-2">
              <Button size="sm" variant="outline" disabled={page === 0} onClick={() => setPage(page - 1)}>
                {t('common.previous')}
              </Button>
              <Button
                size="sm"
                variant="outline"
                disabled={(page + 1) * PAGE >= total}
                onClick={() => setPage(page + 1)}
              >
                {t('common.next')}
              </Button>
            </div>
          </div>
        </>
      )}
      {editing !== undefined ? (
        <TokenForm
          key={editing?.id ?? 'new'}
          token={editing}
          userId={userId}
          groups={groups}
          onClose={() => setEditing(undefined)}
          onCreated={setSecret}
          onSaved={reload}
        />
      ) : null}
      <KeyOnceDialog secret={secret} onClose={() => setSecret(null)} />
    </div>
  );
}
