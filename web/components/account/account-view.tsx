'use client';
import { useMutation, useQuery } from '@urql/next';
import Link from 'next/link';
import { useState } from 'react';
import { PageHeader } from '@/components/common/page-header';
import { UsageCard } from '@/components/dashboard/usage-card';
import { Button } from '@/components/ui/button';
import { Card, CardContent, CardHeader, CardTitle } from '@/components/ui/card';
import { useErrorToastText } from '@/components/ui/error-panel';
import { Input } from '@/components/ui/input';
import { Skeleton } from '@/components/ui/skeleton';
import { useToast } from '@/components/ui/toast';
import { RedeemMutation } from '@/graphql/admin';
import { MeQuery } from '@/graphql/session';
import { formatNumber, formatUsd } from '@/lib/format';
import { useMoney } from '@/lib/money';
import { useLocale, useT } from '@/lib/i18n/client';

/** A customer's own page: balance, redeeming a code, usage; tokens and logs are one click away. */
export function AccountView() {
  const t = useT();
  const { quotaToUsd } = useMoney();
  const locale = useLocale();
  const toast = useToast();
  const errorText = useErrorToastText();
  const [me, refetch] = useQuery({ query: MeQuery });
  const [code, setCode] = useState('');
  const [state, redeem] = useMutation(RedeemMutation);
  const u = me.data?.me;
  return (
    <div className="grid gap-4">
      <PageHeader title={t('nav.account')} description={t('account.description')} />
      <div className="grid gap-3 md:grid-cols-3">
        {[
          [t('customers.balance'), u ? formatUsd(quotaToUsd(u.quota), locale) : null],
          [t('customers.used'), u ? formatUsd(quotaToUsd(u.usedQuota), locale) : null],
          [t('customers.requests'), u ? formatNumber(u.requestCount, locale) : null],
        ].map(([label, value]) => (
          <Card key={label}>
            <CardContent className="grid gap-1 p-4">
              <p className="text-xs text-muted-fg">{label}</p>
              {value === null ? (
                <Skeleton className="h-7 w-24" />
              ) : (
                <p
                  className="text-2xl font-semibold tabular-nums"
                  data-testid={label === t('customers.balance') ? 'balance' : undefined}
                >
                  {value}
                </p>
              )}
            </CardContent>
          </Card>
        ))}
      </div>
      <Card>
        <CardHeader>
          <CardTitle>{t('account.redeem')}</CardTitle>
        </CardHeader>
        <CardContent>
          <form
            className="flex flex-wrap gap-2"
            onSubmit={async (e) => {
              e.preventDefault();
              const r = await redeem({ code: code.trim() });
              const err = errorText(r.error);
              if (err) return toast({ kind: 'error', ...err });
              toast({
                kind: 'success',
                title: t('account.redeemed', {
                  usd: formatUsd(quotaToUsd(r.data?.redeem.quota ?? '0'), locale),
                }),
              });
              setCode('');
              refetch({ requestPolicy: 'network-only' });
            }}
          >
            <Input
              className="max-w-sm font-mono"
              aria-label={t('account.code')}
              placeholder={t('account.code')}
              value={code}
              onChange={(e) => setCode(e.target.value)}
            />
            <Button type="submit" disabled={!code.trim() || state.fetching}>
              {t('account.redeemButton')}
            </Button>
          </form>
        </CardContent>
      </Card>
      <UsageCard />
      <p className="text-sm text-muted-fg">
        <Link className="text-primary underline" href="/tokens">
          {t('nav.tokens')}
        </Link>{' '}
        ·{' '}
        <Link className="text-primary underline" href="/logs">
          {t('nav.logs')}
        </Link>{' '}
        ·{' '}
        <Link className="text-primary underline" href="/playground">
          {t('nav.playground')}
        </Link>
      </p>
    </div>
  );
}
