'use client';
import { useMutation } from '@urql/next';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { useErrorToastText } from '@/components/ui/error-panel';
import { Field, Input } from '@/components/ui/input';
import { useToast } from '@/components/ui/toast';
import { AdjustUserQuotaMutation } from '@/graphql/users';
import { useMoney } from '@/lib/money';
import { useT } from '@/lib/i18n/client';

/** Top-up (or, with a negative amount, a deduction) in USD, with the reason the audit log keeps. */
export function TopUpDialog({
  user,
  onClose,
  onDone,
}: {
  user: { id: string; username: string } | null;
  onClose: () => void;
  onDone: () => void;
}) {
  const t = useT();
  const { usdToQuota, ready: rateReady } = useMoney();
  const toast = useToast();
  const errorText = useErrorToastText();
  const [usd, setUsd] = useState('10');
  const [reason, setReason] = useState('');
  const [state, adjust] = useMutation(AdjustUserQuotaMutation);
  const valid = /^-?\d+(\.\d{1,4})?$/.test(usd) && Number(usd) !== 0 && reason.trim().length > 0;
  const delta = valid ? usdToQuota(usd) : '0';
  return (
    <Dialog
      open={user !== null}
      onOpenChange={(o) => !o && onClose()}
      title={t('customers.topUpTitle', { name: user?.username ?? '' })}
    >
      <form
        className="grid gap-3"
        onSubmit={async (e) => {
          e.preventDefault();
          if (!valid || !user || !rateReady) return;
          const r = await adjust({ userId: user.id, amount: delta, reason: reason.trim() });
          const err = errorText(r.error);
          if (err) return toast({ kind: 'error', ...err });
          toast({ kind: 'success', title: t('customers.toppedUp') });
          onDone();
          onClose();
        }}
      >
        <Field
          id="tu-usd"
          label={t('customers.amountUsd')}
          hint={t('customers.amountHint', { quota: delta })}
        >
          <Input
            id="tu-usd"
            inputMode="decimal"
            value={usd}
            onChange={(e) => setUsd(e.target.value)}
            aria-invalid={!/^-?\d+(\.\d{1,4})?$/.test(usd)}
          />
        </Field>
        <Field id="tu-reason" label={t('customers.reason')}>
          <Input
            id="tu-reason"
            required
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            placeholder={t('customers.reasonPlaceholder')}
          />
        </Field>
        <div className="flex justify-end gap-2">
          <Button type="button" variant="outline" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" disabled={!valid || state.fetching || !rateReady}>
            {t('customers.topUp')}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
