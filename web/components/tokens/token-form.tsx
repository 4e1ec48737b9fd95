'use client';
import { useMutation } from '@urql/next';
import { useState } from 'react';
import { TagInput } from '@/components/common/tag-input';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { useErrorToastText } from '@/components/ui/error-panel';
import { Field, Input, Select, Textarea } from '@/components/ui/input';
import { Switch } from '@/components/ui/switch';
import { useToast } from '@/components/ui/toast';
import type { TokenFieldsFragment } from '@/graphql/generated/graphql';
import { CreateTokenMutation, UpdateTokenMutation } from '@/graphql/tokens';
import { parseWhitelist } from '@/lib/cidr';
import { useMoney } from '@/lib/money';
import { useT } from '@/lib/i18n/client';

/** yyyy-mm-ddThh:mm in local time, for <input type="datetime-local">. */
function toLocalInput(iso: string | null | undefined): string {
  if (!iso) return '';
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

export function TokenForm({
  token,
  userId,
  groups,
  onClose,
  onCreated,
  onSaved,
}: {
  token: TokenFieldsFragment | null;
  userId?: number;
  groups: string[];
  onClose: () => void;
  onCreated: (key: string) => void;
  onSaved: () => void;
}) {
  const t = useT();
  const { quotaToUsd, usdToQuota, ready: rateReady } = useMoney();
  const toast = useToast();
  const errorText = useErrorToastText();
  const editing = token !== null;
  const [name, setName] = useState(token?.name ?? '');
  const [unlimited, setUnlimited] = useState(token?.unlimited ?? false);
  // null = untouched: an edited token's USD is derived at the configured rate, which may arrive
  // after the form opens (useMoney), instead of being frozen at the default rate.
  const [typedUsd, setQuotaUsd] = useState<string | null>(token ? null : '10');
  const quotaUsd = typedUsd ?? String(quotaToUsd(token?.remainQuota));
  const [expires, setExpires] = useState(toLocalInput(token?.expiresAt));
  const [models, setModels] = useState<string[]>(token?.models ?? []);
  const [whitelist, setWhitelist] = useState((token?.ipWhitelist ?? []).join('\n'));
  const [group, setGroup] = useState(token?.group ?? '');
  const [rpm, setRpm] = useState(String(token?.rpm ?? 0));
  const [tpm, setTpm] = useState(String(token?.tpm ?? 0));
  const [quotaReset, setQuotaReset] = useState(token?.quotaReset ?? 'none');
  const [, create] = useMutation(CreateTokenMutation);
  const [, update] = useMutation(UpdateTokenMutation);
  const [saving, setSaving] = useState(false);
  const { entries, invalid } = parseWhitelist(whitelist);
  const badQuota = !unlimited && !(Number(quotaUsd) >= 0);
  const expired = expires !== '' && new Date(expires).getTime() < Date.now();
  const disabled = !name.trim() || invalid.length > 0 || badQuota || saving || !rateReady;

  const submit = async () => {
    if (!rateReady) return;
    setSaving(true);
    const remainQuota = unlimited ? null : usdToQuota(quotaUsd);
    const fields = {
      name: name.trim(),
      unlimited,
      expiresAt: expires ? new Date(expires).toISOString() : null,
      models: models.length ? models : null,
      ipWhitelist: entries.length ? entries : null,
      group: group || null,
      rpm: Number(rpm) || 0,
      tpm: Number(tpm) || 0,
      quotaReset,
      ...(quotaReset !== 'none' && remainQuota ? { resetAmount: remainQuota } : {}),
    };
    if (editing) {
      const r = await update({ id: token.id, input: { ...fields, ...(remainQuota ? { remainQuota } : {}) } });
      setSaving(false);
      const err = errorText(r.error);
      if (err) return toast({ kind: 'error', ...err });
      toast({ kind: 'success', title: t('tokens.saved') });
      onSaved();
      return onClose();
    }
    const r = await create({
      input: { ...fields, ...(remainQuota ? { remainQuota } : {}), ...(userId ? { userId } : {}) },
    });
    setSaving(false);
    const err = errorText(r.error);
    if (err) return toast({ kind: 'error', ...err });
    onSaved();
    onClose();
    if (r.data) onCreated(r.data.createToken.key);
  };

  return (
    <Dialog
      open
      onOpenChange={(o) => !o && onClose()}
      title={editing ? t('tokens.edit') : t('tokens.create')}
      side="right"
    >
      <form
        className="grid gap-4"
        onSubmit={(e) => {
          e.preventDefault();
          if (!disabled) void submit();
        }}
      >
        <Field id="tk-name" label={t('tokens.name')}>
          <Input id="tk-name" required value={name} onChange={(e) => setName(e.target.value)} />
        </Field>
        <Switch
          id="tk-unlimited"
          label={t('tokens.unlimited')}
          checked={unlimited}
          onCheckedChange={setUnlimited}
        />
        {!unlimited ? (
          <Field
            id="tk-quota"
            label={t('tokens.quotaUsd')}
            hint={t('tokens.quotaHint', { quota: Number(quotaUsd) >= 0 ? usdToQuota(quotaUsd) : '—' })}
            error={badQuota ? t('tokens.quotaBad') : null}
          >
            <Input
              id="tk-quota"
              type="number"
              min={0}
              step="0.01"
              value={quotaUsd}
              aria-invalid={badQuota}
              onChange={(e) => setQuotaUsd(e.target.value)}
            />
          </Field>
        ) : null}
        <Field id="tk-reset" label={t('tokens.quotaReset')}>
          <Select id="tk-reset" value={quotaReset} onChange={(e) => setQuotaReset(e.target.value)}>
            {['none', 'daily', 'monthly'].map((r) => (
              <option key={r} value={r}>
                {t(`tokens.resets.${r}`)}
              </option>
            ))}
          </Select>
        </Field>
        <Field
          id="tk-expires"
          label={t('tokens.expiresAt')}
          hint={t('tokens.expiresHint')}
          error={expired ? t('tokens.expiresPast') : null}
        >
          <Input
            id="tk-expires"
            type="datetime-local"
            value={expires}
            onChange={(e) => setExpires(e.target.value)}
          />
        </Field>
        <Field id="tk-models" label={t('tokens.models')} hint={t('tokens.modelsHint')}>
          <TagInput id="tk-models" values={models} onChange={setModels} placeholder="gpt-4o-mini" />
        </Field>
        <Field
          id="tk-ips"
          label={t('tokens.ipWhitelist')}
          hint={t('tokens.ipHint')}
          error={invalid.length ? t('tokens.ipInvalid', { entries: invalid.join(', ') }) : null}
        >
          <Textarea
            id="tk-ips"
            className="font-mono"
            placeholder={'10.0.0.0/8\n2001:db8::/32'}
            value={whitelist}
            aria-invalid={invalid.length > 0}
            aria-describedby={invalid.length ? 'tk-ips-error' : 'tk-ips-hint'}
            onChange={(e) => setWhitelist(e.target.value)}
          />
        </Field>
        <Field id="tk-group" label={t('tokens.group')}>
          <Select id="tk-group" value={group} onChange={(e) => setGroup(e.target.value)}>
            <option value="">{t('tokens.ownerGroup')}</option>
            {groups.map((g) => (
              <option key={g}>{g}</option>
            ))}
          </Select>
        </Field>
        <div className="grid grid-cols-2 gap-3">
          <Field id="tk-rpm" label={t('tokens.rpm')} hint={t('common.zeroUnlimited')}>
            <Input id="tk-rpm" type="number" min={0} value={rpm} onChange={(e) => setRpm(e.target.value)} />
          </Field>
          <Field id="tk-tpm" label={t('tokens.tpm')} hint={t('common.zeroUnlimited')}>
            <Input id="tk-tpm" type="number" min={0} value={tpm} onChange={(e) => setTpm(e.target.value)} />
          </Field>
        </div>
        <div className="flex justify-end gap-2 border-t border-border pt-3">
          <Button type="button" variant="outline" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" disabled={disabled} data-testid="token-save">
            {editing ? t('common.save') : t('tokens.create')}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
