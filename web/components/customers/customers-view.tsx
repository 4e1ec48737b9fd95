'use client';
import type { ColumnDef } from '@tanstack/react-table';
import { useMutation, useQuery } from '@urql/next';
import { Plus } from 'lucide-react';
import Link from 'next/link';
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
import type { UserFieldsFragment } from '@/graphql/generated/graphql';
import { GroupNamesQuery } from '@/graphql/groups';
import { UpdateUserMutation, UsersQuery } from '@/graphql/users';
import { formatNumber, formatUsd } from '@/lib/format';
import { useMoney } from '@/lib/money';
import { useLocale, useT } from '@/lib/i18n/client';
import { useMe } from '@/lib/me-context';
import { CustomerForm } from './customer-form';
import { TopUpDialog } from './topup-dialog';

type User = UserFieldsFragment;
const PAGE = 50;

export function CustomersView() {
  const t = useT();
  const { quotaToUsd } = useMoney();
  const locale = useLocale();
  const toast = useToast();
  const confirm = useConfirm();
  const errorText = useErrorToastText();
  const me = useMe();
  const [search, setSearch] = useState('');
  const [role, setRole] = useState(me.role === 'sales' ? 'user' : '');
  const [page, setPage] = useState(0);
  const [creating, setCreating] = useState(false);
  const [topUp, setTopUp] = useState<User | null>(null);
  const [result, refetch] = useQuery({
    query: UsersQuery,
    variables: { search: search || null, role: role || null, limit: PAGE, offset: page * PAGE },
  });
  const [groupsResult] = useQuery({ query: GroupNamesQuery });
  const groups = (groupsResult.data?.groups ?? []).map((g) => g.name);
  const [, update] = useMutation(UpdateUserMutation);
  const reload = () => refetch({ requestPolicy: 'network-only' });
  const total = result.data?.users.total ?? 0;

  const setGroup = async (u: User, group: string) => {
    const r = await update({ id: u.id, input: { group } });
    const err = errorText(r.error);
    if (err) return toast({ kind: 'error', ...err });
    toast({ kind: 'success', title: t('customers.saved') });
  };

  const columns: ColumnDef<User, unknown>[] = [
    {
      header: t('customers.username'),
      cell: ({ row }) => (
        <Link href={`/customers/${row.original.id}`} className="font-medium hover:underline">
          {row.original.displayName || row.original.username}
          {row.original.displayName ? (
            <span className="ml-1 text-xs text-muted-fg">@{row.original.username}</span>
          ) : null}
        </Link>
      ),
    },
    { header: t('customers.role'), cell: ({ row }) => t(`roles.${row.original.role}`) },
    {
      header: t('customers.group'),
      cell: ({ row }) => (
        <Select
          className="h-8 w-32"
          aria-label={t('customers.groupOf', { name: row.original.username })}
          defaultValue={row.original.group}
          onChange={(e) => setGroup(row.original, e.target.value)}
        >
          {[...new Set([row.original.group, ...groups])].map((g) => (
            <option key={g}>{g}</option>
          ))}
        </Select>
      ),
    },
    { header: t('customers.balance'), cell: ({ row }) => formatUsd(quotaToUsd(row.original.quota), locale) },
    { header: t('customers.used'), cell: ({ row }) => formatUsd(quotaToUsd(row.original.usedQuota), locale) },
    { header: t('customers.requests'), cell: ({ row }) => formatNumber(row.original.requestCount, locale) },
    {
      header: t('customers.status'),
      cell: ({ row }) => (
        <Badge tone={row.original.status === 'enabled' ? 'success' : 'neutral'}>
          {t(`tokens.statuses.${row.original.status}`)}
        </Badge>
      ),
    },
    {
      id: 'actions',
      header: '',
      cell: ({ row }) => {
        const u = row.original;
        return (
          <div className="flex gap-1">
            <Button size="sm" variant="outline" onClick={() => setTopUp(u)}>
              {t('customers.topUp')}
            </Button>
            <Button
              size="sm"
              variant="ghost"
              onClick={async () => {
                const disabling = u.status === 'enabled';
                if (
                  disabling &&
                  !(await confirm({
                    title: t('customers.disableConfirm', { name: u.username }),
                    description: t('customers.disableHint'),
                    destructive: true,
                    confirmLabel: t('customers.disable'),
                  }))
                )
                  return;
                const r = await update({ id: u.id, input: { status: disabling ? 'disabled' : 'enabled' } });
                const err = errorText(r.error);
                if (err) return toast({ kind: 'error', ...err });
                toast({ kind: 'success', title: t('customers.saved') });
                reload();
              }}
            >
              {u.status === 'enabled' ? t('customers.disable') : t('customers.enable')}
            </Button>
          </div>
        );
      },
    },
  ];

  return (
    <div>
      <PageHeader
        title={t('nav.customers')}
        description={t('customers.description')}
        actions={
          <Button onClick={() => setCreating(true)}>
            <Plus className="h-4 w-4" /> {t('customers.create')}
          </Button>
        }
      />
      <div className="mb-3 flex flex-wrap gap-2">
        <Input
          className="w-64"
          type="search"
          aria-label={t('common.search')}
          placeholder={t('customers.searchPlaceholder')}
          value={search}
          onChange={(e) => {
            setSearch(e.target.value);
            setPage(0);
          }}
        />
        <Select
          className="w-40"
          aria-label={t('customers.role')}
          value={role}
          onChange={(e) => {
            setRole(e.target.value);
            setPage(0);
          }}
        >
          <option value="">{t('customers.allRoles')}</option>
          {['user', 'sales', 'admin', 'root'].map((r) => (
            <option key={r} value={r}>
              {t(`roles.${r}`)}
            </option>
          ))}
        </Select>
      </div>
      {result.error ? (
        <ErrorPanel error={result.error} onRetry={reload} />
      ) : !result.data ? (
        <PageSkeleton />
      ) : result.data.users.items.length === 0 ? (
        <EmptyState
          title={t('customers.empty')}
          hint={t('customers.emptyHint')}
          action={<Button onClick={() => setCreating(true)}>{t('customers.create')}</Button>}
        />
      ) : (
        <>
          <DataTable
            data={result.data.users.items}
            columns={columns}
            getRowId={(u) => u.id}
            testId="customers-table"
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
      {creating ? (
        <CustomerForm open onClose={() => setCreating(false)} groups={groups} onCreated={reload} />
      ) : null}
      <TopUpDialog user={topUp} onClose={() => setTopUp(null)} onDone={reload} />
    </div>
  );
}
