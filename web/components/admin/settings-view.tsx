'use client';
import { useMutation, useQuery } from '@urql/next';
import { Trash2 } from 'lucide-react';
import { useState } from 'react';
import { PageHeader } from '@/components/common/page-header';
import { KeyOnceDialog } from '@/components/tokens/key-once-dialog';
import { Button } from '@/components/ui/button';
import { Card, CardContent, CardHeader, CardTitle } from '@/components/ui/card';
import { useConfirm } from '@/components/ui/confirm';
import { ErrorPanel, useErrorToastText } from '@/components/ui/error-panel';
import { Input } from '@/components/ui/input';
import { Skeleton } from '@/components/ui/skeleton';
import { useToast } from '@/components/ui/toast';
import {
  CreateAccessTokenMutation,
  MyAccessTokensQuery,
  OptionsQuery,
  RevokeAccessTokenMutation,
  SetOptionMutation,
} from '@/graphql/admin';
import { formatDateTime } from '@/lib/format';
import { useLocale, useT } from '@/lib/i18n/client';
import { useMe } from '@/lib/me-context';
import { useRefreshQuotaPerUsd } from '@/lib/money';

export function SettingsView() {
  const t = useT();
  const me = useMe();
  return (
    <div className="grid gap-4">
      <PageHeader title={t('nav.settings')} />
      <AccessTokens />
      {me.role === 'root' ? <Options /> : null}
    </div>
  );
}

function AccessTokens() {
  const t = useT();
  const locale = useLocale();
  const toast = useToast();
  const confirm = useConfirm();
  const errorText = useErrorToastText();
  const [result, refetch] = useQuery({ query: MyAccessTokensQuery });
  const [, create] = useMutation(CreateAccessTokenMutation);
  const [, revoke] = useMutation(RevokeAccessTokenMutation);
  const [name, setName] = useState('');
  const [days, setDays] = useState('90');
  const [secret, setSecret] = useState<string | null>(null);
  return (
    <Card>
      <CardHeader>
        <CardTitle>{t('settings.accessTokens')}</CardTitle>
      </CardHeader>
      <CardContent className="grid gap-3">
        <p className="text-sm text-muted-fg">{t('settings.accessTokensHint')}</p>
        <form
          className="flex flex-wrap gap-2"
          onSubmit={async (e) => {
            e.preventDefault();
            const r = await create({ name: name.trim(), expiresInDays: days ? Number(days) : null });
            const err = errorText(r.error);
            if (err) return toast({ kind: 'error', ...err });
            setName('');
            setSecret(r.data?.createAccessToken.token ?? null);
            refetch({ requestPolicy: 'network-only' });
          }}
        >
          <Input
            className="w-56"
            aria-label={t('settings.tokenName')}
            placeholder={t('settings.tokenName')}
            value={name}
            onChange={(e) => setName(e.target.value)}
          />
          <Input
            className="w-32"
            aria-label={t('settings.expiresInDays')}
            placeholder={t('settings.expiresInDays')}
            inputMode="numeric"
            value={days}
            onChange={(e) => setDays(e.target.value)}
          />
          <Button type="submit" disabled={!name.trim()}>
            {t('settings.createToken')}
          </Button>
        </form>
        {result.error ? (
          <ErrorPanel error={result.error} />
        ) : !result.data ? (
          <Skeleton className="h-24 w-full" />
        ) : (
          <ul className="divide-y divide-border rounded-md border border-border text-sm">
            {result.data.myAccessTokens.map((a) => (
              <li key={a.id} className="flex items-center justify-between gap-2 p-2">
                <div>
                  <p className="font-medium">
                    {a.name} <span className="text-xs text-muted-fg">({t(`settings.kinds.${a.kind}`)})</span>
                  </p>
                  <p className="font-mono text-xs text-muted-fg">
                    {a.prefix}… · {t('settings.lastUsed')}:{' '}
                    {formatDateTime(a.lastUsedAt as string | null, locale)} · {t('tokens.expiresAt')}:{' '}
                    {a.expiresAt ? formatDateTime(a.expiresAt as string, locale) : t('tokens.never')}
                  </p>
                </div>
                <Button
                  size="icon"
                  variant="ghost"
                  aria-label={t('settings.revoke')}
                  onClick={async () => {
                    if (
                      !(await confirm({
                        title: t('settings.revokeConfirm', { name: a.name }),
                        destructive: true,
                        confirmLabel: t('settings.revoke'),
                      }))
                    )
                      return;
                    const r = await revoke({ id: a.id });
                    const err = errorText(r.error);
                    if (err) return toast({ kind: 'error', ...err });
                    refetch({ requestPolicy: 'network-only' });
                  }}
                >
                  <Trash2 className="h-4 w-4" />
                </Button>
              </li>
            ))}
          </ul>
        )}
      </CardContent>
      <KeyOnceDialog secret={secret} onClose={() => setSecret(null)} />
    </Card>
  );
}

function Options() {
  const t = useT();
  const toast = useToast();
  const errorText = useErrorToastText();
  const [result] = useQuery({ query: OptionsQuery });
  const [, setOption] = useMutation(SetOptionMutation);
  const refreshQuotaPerUsd = useRefreshQuotaPerUsd();
  const [drafts, setDrafts] = useState<Record<string, string>>({});
  return (
    <Card>
      <CardHeader>
        <CardTitle>{t('settings.options')}</CardTitle>
      </CardHeader>
      <CardContent>
        {result.error ? (
          <ErrorPanel error={result.error} />
        ) : !result.data ? (
          <Skeleton className="h-40 w-full" />
        ) : (
          <div className="grid gap-3">
            {result.data.options.map((o) => {
              const current = JSON.stringify(o.value);
              const draft = drafts[o.key] ?? current;
              let parsed: unknown;
              let valid = true;
              try {
                parsed = JSON.parse(draft);
              } catch {
                valid = false;
              }
              return (
                <div
                  key={o.key}
                  className="grid gap-1 sm:grid-cols-[16rem_1fr_auto] sm:items-center sm:gap-3"
                >
                  <div>
                    <p className="font-mono text-sm">{o.key}</p>
                    <p className="text-xs text-muted-fg">
                      {o.description} · {t('settings.default')}: <code>{JSON.stringify(o.defaultValue)}</code>
                    </p>
                  </div>
                  <Input
                    aria-label={o.key}
                    className="font-mono"
                    value={draft}
                    aria-invalid={!valid}
                    onChange={(e) => setDrafts({ ...drafts, [o.key]: e.target.value })}
                  />
                  <Button
                    size="sm"
                    variant="outline"
                    disabled={!valid || draft === current}
                    onClick={async () => {
                      const r = await setOption({ key: o.key, value: parsed });
                      const err = errorText(r.error);
                      if (err) return toast({ kind: 'error', ...err });
                      toast({ kind: 'success', title: t('settings.saved', { key: o.key }) });
                      // Money everywhere in the console converts at this rate.
                      if (o.key === 'quotaPerUsd') await refreshQuotaPerUsd();
                      setDrafts(({ [o.key]: _, ...rest }) => rest);
                    }}
                  >
                    {t('common.save')}
                  </Button>
                </div>
              );
            })}
          </div>
        )}
      </CardContent>
    </Card>
  );
}
