'use client';
import { useQuery } from '@urql/next';
import { useState } from 'react';
import { PageHeader } from '@/components/common/page-header';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { EmptyState } from '@/components/ui/empty-state';
import { ErrorPanel } from '@/components/ui/error-panel';
import { Input } from '@/components/ui/input';
import { PageSkeleton } from '@/components/ui/skeleton';
import { AuditLogsQuery } from '@/graphql/admin';
import type { AuditLogsQuery as AuditData } from '@/graphql/generated/graphql';
import { formatDateTime } from '@/lib/format';
import { useLocale, useT } from '@/lib/i18n/client';

type Entry = AuditData['auditLogs']['items'][number];
const PAGE = 50;

export function AuditView() {
  const t = useT();
  const locale = useLocale();
  const [action, setAction] = useState('');
  // Keyset pagination: the stack of cursors we came through, so "previous" works too.
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const [open, setOpen] = useState<Entry | null>(null);
  const before = cursors[cursors.length - 1] ?? null;
  const [result, refetch] = useQuery({
    query: AuditLogsQuery,
    variables: { filter: action ? { action } : null, before, limit: PAGE },
  });
  const items = result.data?.auditLogs.items ?? [];
  const nextCursor = result.data?.auditLogs.nextCursor ?? null;
  return (
    <div>
      <PageHeader title={t('nav.audit')} description={t('audit.description')} />
      <Input
        className="mb-3 w-64"
        type="search"
        aria-label={t('audit.action')}
        placeholder={t('audit.actionPlaceholder')}
        value={action}
        onChange={(e) => {
          setAction(e.target.value);
          setCursors([null]);
        }}
      />
      {result.error ? (
        <ErrorPanel error={result.error} onRetry={() => refetch({ requestPolicy: 'network-only' })} />
      ) : !result.data ? (
        <PageSkeleton />
      ) : items.length === 0 ? (
        <EmptyState title={t('audit.empty')} />
      ) : (
        <>
          <div className="overflow-x-auto rounded-lg border border-border bg-surface">
            <table className="w-full text-sm">
              <thead className="bg-muted/50 text-left text-xs text-muted-fg">
                <tr>
                  {['time', 'actor', 'action', 'target', 'ip'].map((h) => (
                    <th key={h} className="px-3 py-2">
                      {t(`audit.${h}`)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {items.map((e) => (
                  <tr
                    key={e.id}
                    className="cursor-pointer border-t border-border hover:bg-muted/40"
                    onClick={() => setOpen(e)}
                  >
                    <td className="whitespace-nowrap px-3 py-2">
                      {formatDateTime(e.createdAt as string, locale)}
                    </td>
                    <td className="px-3 py-2">{e.actorName}</td>
                    <td className="px-3 py-2 font-mono text-xs">{e.action}</td>
                    <td className="px-3 py-2">
                      {e.targetType}
                      {e.targetId ? ` #${e.targetId}` : ''}
                    </td>
                    <td className="px-3 py-2 text-muted-fg">{e.ip ?? '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <div className="mt-3 flex items-center justify-between text-sm text-muted-fg">
            <span />
            <div className="flex gap-2">
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
                disabled={!nextCursor}
                onClick={() => nextCursor && setCursors([...cursors, nextCursor])}
              >
                {t('common.next')}
              </Button>
            </div>
          </div>
        </>
      )}
      <Dialog
        open={open !== null}
        onOpenChange={(o) => !o && setOpen(null)}
        title={open?.action ?? ''}
        side="right"
      >
        {open ? (
          <div className="grid gap-3 text-sm">
            <div>
              <h3 className="mb-1 font-medium">{t('audit.before')}</h3>
              <pre className="overflow-auto rounded-md bg-muted p-2 text-xs">
                {JSON.stringify(open.before, null, 2) ?? '—'}
              </pre>
            </div>
            <div>
              <h3 className="mb-1 font-medium">{t('audit.after')}</h3>
              <pre className="overflow-auto rounded-md bg-muted p-2 text-xs">
                {JSON.stringify(open.after, null, 2) ?? '—'}
              </pre>
            </div>
          </div>
        ) : null}
      </Dialog>
    </div>
  );
}
