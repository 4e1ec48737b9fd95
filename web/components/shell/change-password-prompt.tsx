'use client';
import { useMutation, useQuery } from '@urql/next';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { Field, Input } from '@/components/ui/input';
import { useToast } from '@/components/ui/toast';
import { ChangePasswordMutation, PasswordStateQuery } from '@/graphql/session';
import { friendlyError } from '@/lib/errors';
import { useT } from '@/lib/i18n/client';

/**
 * First start: the root password was generated and printed to the log; ask for a real one.
 * Shown only when the api says so; if the api cannot answer, the console works without it.
 */
export function ChangePasswordPrompt() {
  const t = useT();
  const toast = useToast();
  const router = useRouter();
  const [state0] = useQuery({ query: PasswordStateQuery });
  const [dismissed, setDismissed] = useState(false);
  const open = Boolean(state0.data?.me?.mustChangePassword) && !dismissed;
  const setOpen = (o: boolean) => setDismissed(!o);
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const [state, change] = useMutation(ChangePasswordMutation);
  const mismatch = repeat.length > 0 && next !== repeat;
  const tooShort = next.length > 0 && next.length < 12;
  const error = friendlyError(state.error);
  return (
    <Dialog
      open={open}
      onOpenChange={setOpen}
      title={t('auth.changePasswordTitle')}
      description={t('auth.changePasswordHint')}
    >
      <form
        className="grid gap-3"
        onSubmit={async (e) => {
          e.preventDefault();
          if (mismatch || tooShort) return;
          const r = await change({ currentPassword: current, newPassword: next });
          if (!r.error) {
            toast({ kind: 'success', title: t('auth.passwordChanged') });
            setOpen(false);
            router.refresh();
          }
        }}
      >
        <Field id="pw-current" label={t('auth.currentPassword')}>
          <Input
            id="pw-current"
            type="password"
            autoComplete="current-password"
            required
            value={current}
            onChange={(e) => setCurrent(e.target.value)}
          />
        </Field>
        <Field
          id="pw-new"
          label={t('auth.newPassword')}
          hint={t('auth.passwordRule')}
          error={tooShort ? t('auth.passwordRule') : null}
        >
          <Input
            id="pw-new"
            type="password"
            autoComplete="new-password"
            required
            value={next}
            aria-invalid={tooShort}
            onChange={(e) => setNext(e.target.value)}
          />
        </Field>
        <Field
          id="pw-repeat"
          label={t('auth.repeatPassword')}
          error={mismatch ? t('auth.passwordMismatch') : null}
        >
          <Input
            id="pw-repeat"
            type="password"
            autoComplete="new-password"
            required
            value={repeat}
            aria-invalid={mismatch}
            onChange={(e) => setRepeat(e.target.value)}
          />
        </Field>
        {error ? <ErrorText code={error.code} message={error.message} /> : null}
        <div className="flex justify-end gap-2">
          <Button type="button" variant="outline" onClick={() => setOpen(false)}>
            {t('common.later')}
          </Button>
          <Button type="submit" disabled={state.fetching}>
            {t('auth.changePassword')}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}

function ErrorText({ code, message }: { code: string; message: string }) {
  return (
    <p role="alert" className="text-sm text-danger">
      {message} <code className="text-xs opacity-70">({code})</code>
    </p>
  );
}
