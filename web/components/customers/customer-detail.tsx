'use client';
import { useQuery } from '@urql/next';
import { ArrowLeft } from 'lucide-react';
import Link from 'next/link';
import { useState } from 'react';
import { PageHeader } from '@/components/common/page-header';
import { UsageCard } from '@/components/dashboard/usage-card';
import { TokensView } from '@/components/tokens/tokens-view';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Card, CardContent } from '@/components/ui/card';
import { ErrorPanel } from '@/components/ui/error-panel';
import { PageSkeleton } from '@/components/ui/skeleton';
import { UserQuery } from '@/graphql/users';
import { formatNumber, formatUsd } from '@/lib/format';
import { useMoney } from '@/lib/money';
import { useLocale, useT } from '@/lib/i18n/client';
import { TopUpDialog } from './topup-dialog';

/** What sales show a customer: balance, spend, usage by day and model, and their tokens. */
export function CustomerDetail({ id }: { id: string }) {
  const t = useT();
  const { quotaToUsd } = useMoney();
  const locale = useLocale();
  const [result, refetch] = useQuery({ query: UserQuery, variables: { id } });
  const [topUp, setTopUp] = useState(false);
  const u = result.data?.user;
  if (result.error)
    return <ErrorPanel error={result.error} onRetry={() => refetch({ requestPolicy: 'network-only' })} />;
  if (!u) return <PageSkeleton />;
  return (
    <div className="grid gap-4">
      <Link href="/customers" className="flex items-center gap-1 text-sm text-muted-fg hover:text-fg">
        <ArrowLeft className="h-4 w-4" /> {t('nav.customers')}
      </Link>
      <PageHeader
        title={u.displayName || u.username}
        description={`@${u.username} · ${t(`roles.${u.role}`)} · ${t('customers.group')}: ${u.group}`}
        actions={<Button onClick={() => setTopUp(true)}>{t('customers.topUp')}</Button>}
      />
      <div className="grid grid-cols-2 gap-3 md:grid-cols-4">
        <Tile label={t('customers.balance')} value={formatUsd(quotaToUsd(u.quota), locale)} />
        <Tile label={t('customers.used')} value={formatUsd(quotaToUsd(u.usedQuota), locale)} />
        <Tile label={t('customers.requests')} value={formatNumber(u.requestCount, locale)} />
        <Card>
          <CardContent className="grid gap-1 p-4">
            <p className="text-xs text-muted-fg">{t('customers.status')}</p>
            <Badge tone={u.status === 'enabled' ? 'success' : 'neutral'}>
              {t(`tokens.statuses.${u.status}`)}
            </Badge>
          </CardContent>
        </Card>
      </div>
      <UsageCard userId={Number(u.id)} />
      <TokensView userId={Number(u.id)} embedded />
      <TopUpDialog
        user={topUp ? u : null}
        onClose={() => setTopUp(false)}
        onDone={() => refetch({ requestPolicy: 'network-only' })}
      />
    </div>
  );
}

function Tile({ label, value }: { label: string; value: string }) {
  return (
    <Card>
      <CardContent className="grid gap-1 p-4">
        <p className="text-xs text-muted-fg">{label}</p>
        <p className="text-xl font-semibold tabular-nums">{value}</p>
      </CardContent>
    </Card>
  );
}
