'use client';
import { useMutation } from '@urql/next';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { useErrorToastText } from '@/components/ui/error-panel';
import { Field, Input, Select } from '@/components/ui/input';
import { useToast } from '@/components/ui/toast';
import type { Role } from '@/config/roles';
import { CreateUserMutation } from '@/graphql/users';
import { useMoney } from '@/lib/money';
import { useT } from '@/lib/i18n/client';
import { useMe } from '@/lib/me-context';

/** Roles the signed-in user may create: below their own (root creates admins; sales only customers). */
function creatableRoles(role: Role): Role[] {
  if (role === 'root') return ['user', 'sales', 'admin'];
  if (role === 'admin') return ['user', 'sales'];
  return ['user'];
}

export function CustomerForm({
  open,
  onClose,
  groups,
  onCreated,
}: {
  open: boolean;
  onClose: () => void;
  groups: string[];
  onCreated: () => void;
}) {
  const t = useT();
  const { usdToQuota, ready: rateReady } = useMoney();
  const toast = useToast();
  const errorText = useErrorToastText();
  const me = useMe();
  const [username, setUsername] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [role, setRole] = useState<Role>('user');
  const [group, setGroup] = useState('default');
  const [balanceUsd, setBalanceUsd] = useState('0');
  const validBalance = /^\d+(\.\d{1,4})?$/.test(balanceUsd);
  const [state, create] = useMutation(CreateUserMutation);
  const shortPassword = password.length > 0 && password.length < 8;
  return (
    <Dialog open={open} onOpenChange={(o) => !o && onClose()} title={t('customers.create')}>
      <form
        className="grid gap-3"
        onSubmit={async (e) => {
          e.preventDefault();
          if (shortPassword || !validBalance || !rateReady) return;
          const quota = usdToQuota(balanceUsd);
          const r = await create({
            input: {
              username: username.trim(),
              password,
              role,
              group,
              displayName: displayName || null,
              email: email || null,
              quota,
            },
          });
          const err = errorText(r.error);
          if (err) return toast({ kind: 'error', ...err });
          toast({ kind: 'success', title: t('customers.created') });
          onCreated();
          onClose();
        }}
      >
        <Field id="cu-username" label={t('customers.username')}>
          <Input
            id="cu-username"
            required
            autoComplete="off"
            value={username}
            onChange={(e) => setUsername(e.target.value)}
          />
        </Field>
        <Field id="cu-display" label={t('customers.displayName')}>
          <Input id="cu-display" value={displayName} onChange={(e) => setDisplayName(e.target.value)} />
        </Field>
        <Field id="cu-email" label={t('customers.email')}>
          <Input id="cu-email" type="email" value={email} onChange={(e) => setEmail(e.target.value)} />
        </Field>
        <Field
          id="cu-password"
          label={t('customers.password')}
          error={shortPassword ? t('customers.passwordShort') : null}
        >
          <Input
            id="cu-password"
            type="password"
            autoComplete="new-password"
            required
            value={password}
            aria-invalid={shortPassword}
            onChange={(e) => setPassword(e.target.value)}
          />
        </Field>
        <Field
          id="cu-balance"
          label={t('customers.initialBalance')}
          error={validBalance ? null : t('tokens.quotaBad')}
        >
          <Input
            id="cu-balance"
            inputMode="decimal"
            value={balanceUsd}
            aria-invalid={!validBalance}
            onChange={(e) => setBalanceUsd(e.target.value)}
          />
        </Field>
        <div className="grid grid-cols-2 gap-3">
          <Field id="cu-role" label={t('customers.role')}>
            <Select id="cu-role" value={role} onChange={(e) => setRole(e.target.value as Role)}>
              {creatableRoles(me.role).map((r) => (
                <option key={r} value={r}>
                  {t(`roles.${r}`)}
                </option>
              ))}
            </Select>
          </Field>
          <Field id="cu-group" label={t('customers.group')}>
            <Select id="cu-group" value={group} onChange={(e) => setGroup(e.target.value)}>
              {[...new Set(['default', ...groups])].map((g) => (
                <option key={g}>{g}</option>
              ))}
            </Select>
          </Field>
        </div>
        <div className="flex justify-end gap-2">
          <Button type="button" variant="outline" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" disabled={state.fetching || !username.trim() || shortPassword || !rateReady}>
            {t('customers.create')}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
