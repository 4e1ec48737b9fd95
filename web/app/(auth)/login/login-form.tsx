'use client';
import { useMutation } from '@urql/next';
import { useRouter, useSearchParams } from 'next/navigation';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { Card, CardContent } from '@/components/ui/card';
import { Field, Input } from '@/components/ui/input';
import { canOpen, homeFor } from '@/config/nav';
import { isRole } from '@/config/roles';
import { LoginMutation } from '@/graphql/session';
import { friendlyError } from '@/lib/errors';
import { useT } from '@/lib/i18n/client';

export function LoginForm() {
  const t = useT();
  const router = useRouter();
  const params = useSearchParams();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [state, login] = useMutation(LoginMutation);
  const error = friendlyError(state.error);
  return (
    <Card className="w-full max-w-sm">
      <CardContent className="grid gap-5 p-6">
        <div className="grid gap-1 text-center">
          <span className="mx-auto grid h-10 w-10 place-items-center rounded-lg bg-primary text-lg font-bold text-primary-fg">
            S
          </span>
          <h1 className="text-xl font-semibold">{t('auth.welcome')}</h1>
          <p className="text-sm text-muted-fg">{t('auth.signInHint')}</p>
        </div>
        <form
          className="grid gap-3"
          onSubmit={async (e) => {
            e.preventDefault();
            const r = await login({ username, password });
            const role = r.data?.login.user.role;
            if (!isRole(role)) return;
            const next = params.get('next');
            router.replace(next?.startsWith('/') && canOpen(role, next) ? next : homeFor(role));
            router.refresh();
          }}
        >
          <Field id="username" label={t('auth.username')}>
            <Input
              id="username"
              name="username"
              autoComplete="username"
              required
              value={username}
              onChange={(e) => setUsername(e.target.value)}
            />
          </Field>
          <Field id="password" label={t('auth.password')}>
            <Input
              id="password"
              name="password"
              type="password"
              autoComplete="current-password"
              required
              value={password}
              onChange={(e) => setPassword(e.target.value)}
            />
          </Field>
          {error ? (
            <p role="alert" className="text-sm text-danger">
              {error.code === 'UNAUTHENTICATED'
                ? t('auth.badCredentials')
                : error.code === 'TOO_MANY_REQUESTS'
                  ? t('auth.tooManyAttempts')
                  : error.message}{' '}
              <code className="text-xs opacity-70">({error.code})</code>
            </p>
          ) : null}
          <Button type="submit" disabled={state.fetching} data-testid="sign-in">
            {state.fetching ? t('auth.signingIn') : t('auth.signIn')}
          </Button>
        </form>
        <p className="text-center text-xs text-muted-fg">{t('auth.firstStart')}</p>
      </CardContent>
    </Card>
  );
}
