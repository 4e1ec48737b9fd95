'use client';
import { useMutation, useQuery } from '@urql/next';
import { FileDown, Plus } from 'lucide-react';
import { useState } from 'react';
import { PageHeader } from '@/components/common/page-header';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { EmptyState } from '@/components/ui/empty-state';
import { ErrorPanel, useErrorToastText } from '@/components/ui/error-panel';
import { Field, Input, Select } from '@/components/ui/input';
import { PageSkeleton } from '@/components/ui/skeleton';
import { useToast } from '@/components/ui/toast';
import { GenerateRedemptionsMutation, RedemptionsQuery } from '@/graphql/admin';
import { download, toCsv } from '@/lib/csv';
import { formatDateTime, formatUsd } from '@/lib/format';
import { useMoney } from '@/lib/money';
import { useLocale, useT } from '@/lib/i18n/client';

export function RedemptionsView() {
  const t = useT();
  const { quotaToUsd, usdToQuota, ready: rateReady } = useMoney();
  const locale = useLocale();
  const toast = useToast();
  const errorText = useErrorToastText();
  const [status, setStatus] = useState('');
  const [result, refetch] = useQuery({
    query: RedemptionsQuery,
    variables: { status: status || null, batchName: null, limit: 200, offset: 0 },
  });
  const [, generate] = useMutation(GenerateRedemptionsMutation);
  const [open, setOpen] = useState(false);
  const [batchName, setBatchName] = useState('');
  const [usd, setUsd] = useState('10');
  const [count, setCount] = useState('10');
  const [codes, setCodes] = useState<string[] | null>(null);
  const items = result.data?.redemptions.items ?? [];
  const validCount = /^\d+$/.test(count) && Number(count) >= 1 && Number(count) <= 1000;
  const validUsd = Number(usd) > 0;

  return (
    <div>
      <PageHeader
        title={t('nav.redemptions')}
        description={t('redemptions.description')}
        actions={
          <>
            <Button
              variant="outline"
              disabled={!items.length}
              onClick={() =>
                download(
                  'redemptions.csv',
                  toCsv(
                    [
                      'id',
                      'batch',
                      'prefix',
                      'quota',
                      'usd',
                      'status',
                      'redeemedBy',
                      'redeemedAt',
                      'createdAt',
                    ],
                    items.map((r) => [
                      r.id,
                      r.batchName,
                      r.codePrefix,
                      r.quota,
                      quotaToUsd(r.quota),
                      r.status,
                      r.redeemedById,
                      r.redeemedAt as string,
                      r.createdAt as string,
                    ]),
                  ),
                  'text/csv',
                )
              }
            >
              <FileDown className="h-4 w-4" /> CSV
            </Button>
            <Button onClick={() => setOpen(true)}>
              <Plus className="h-4 w-4" /> {t('redemptions.generate')}
            </Button>
          </>
        }
      />
      <Select
        className="mb-3 w-40"
        aria-label={t('redemptions.status')}
        value={status}
        onChange={(e) => setStatus(e.target.value)}
      >
        <option value="">{t('redemptions.allStatuses')}</option>
        <option value="unused">{t('redemptions.statuses.unused')}</option>
        <option value="used">{t('redemptions.statuses.used')}</option>
        <option value="disabled">{t('redemptions.statuses.disabled')}</option>
      </Select>
      {result.error ? (
        <ErrorPanel error={result.error} onRetry={() => refetch({ requestPolicy: 'network-only' })} />
      ) : !result.data ? (
        <PageSkeleton />
      ) : items.length === 0 ? (
        <EmptyState
          title={t('redemptions.empty')}
          action={<Button onClick={() => setOpen(true)}>{t('redemptions.generate')}</Button>}
        />
      ) : (
        <div className="overflow-x-auto rounded-lg border border-border bg-surface">
          <table className="w-full text-sm">
            <thead className="bg-muted/50 text-left text-xs text-muted-fg">
              <tr>
                {['batch', 'code', 'amount', 'status', 'redeemedAt', 'createdAt'].map((h) => (
                  <th key={h} className="px-3 py-2">
                    {t(`redemptions.${h}`)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {items.map((r) => (
                <tr key={r.id} className="border-t border-border">
                  <td className="px-3 py-2">{r.batchName}</td>
                  <td className="px-3 py-2 font-mono text-xs">{r.codePrefix}…</td>
                  <td className="px-3 py-2">{formatUsd(quotaToUsd(r.quota), locale)}</td>
                  <td className="px-3 py-2">
                    <Badge tone={r.status === 'unused' ? 'success' : 'neutral'}>
                      {t(`redemptions.statuses.${r.status}`)}
                    </Badge>
                  </td>
                  <td className="px-3 py-2">{formatDateTime(r.redeemedAt as string | null, locale)}</td>
                  <td className="px-3 py-2">{formatDateTime(r.createdAt as string, locale)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Dialog open={open} onOpenChange={setOpen} title={t('redemptions.generate')}>
        <form
          className="grid gap-3"
          onSubmit={async (e) => {
            e.preventDefault();
            if (!validCount || !validUsd || !batchName.trim() || !rateReady) return;
            const quota = usdToQuota(usd);
            const r = await generate({
              input: { name: batchName.trim(), quota, count: Number(count), expiresAt: null },
            });
            const err = errorText(r.error);
            if (err) return toast({ kind: 'error', ...err });
            setOpen(false);
            setCodes(r.data?.generateRedemptions.codes ?? []);
            refetch({ requestPolicy: 'network-only' });
          }}
        >
          <Field id="rd-batch" label={t('redemptions.batch')}>
            <Input id="rd-batch" required value={batchName} onChange={(e) => setBatchName(e.target.value)} />
          </Field>
          <div className="grid grid-cols-2 gap-3">
            <Field id="rd-usd" label={t('redemptions.amountUsd')}>
              <Input
                id="rd-usd"
                inputMode="decimal"
                value={usd}
                aria-invalid={!validUsd}
                onChange={(e) => setUsd(e.target.value)}
              />
            </Field>
            <Field id="rd-count" label={t('redemptions.count')} hint="1–1000">
              <Input
                id="rd-count"
                inputMode="numeric"
                value={count}
                aria-invalid={!validCount}
                onChange={(e) => setCount(e.target.value)}
              />
            </Field>
          </div>
          <div className="flex justify-end">
            <Button type="submit" disabled={!validCount || !validUsd || !batchName.trim() || !rateReady}>
              {t('redemptions.generate')}
            </Button>
          </div>
        </form>
      </Dialog>
      <Dialog
        open={codes !== null}
        onOpenChange={(o) => !o && setCodes(null)}
        title={t('redemptions.codesTitle', { count: codes?.length ?? 0 })}
        description={t('redemptions.codesWarning')}
      >
        <pre className="max-h-72 overflow-auto rounded-md bg-muted p-2 font-mono text-xs">
          {codes?.join('\n')}
        </pre>
        <div className="flex justify-end gap-2">
          <Button
            variant="outline"
            onClick={() =>
              codes && download(`codes-${batchName || 'batch'}.txt`, codes.join('\n') + '\n', 'text/plain')
            }
          >
            <FileDown className="h-4 w-4" /> {t('redemptions.downloadCodes')}
          </Button>
          <Button onClick={() => setCodes(null)}>{t('common.done')}</Button>
        </div>
      </Dialog>
    </div>
  );
}
