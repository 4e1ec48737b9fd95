'use client';
import { PROVIDERS, providerInfo } from '@switchboard/shared/providers';
import { useMutation } from '@urql/next';
import { Download } from 'lucide-react';
import { useMemo, useState } from 'react';
import { fromPairs, KvEditor, type Pair, toPairs } from '@/components/common/kv-editor';
import { TagInput } from '@/components/common/tag-input';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { Field, Input, Select, Textarea } from '@/components/ui/input';
import { Switch } from '@/components/ui/switch';
import { useToast } from '@/components/ui/toast';
import { useErrorToastText } from '@/components/ui/error-panel';
import { CreateChannelMutation, FetchChannelModelsMutation, UpdateChannelMutation } from '@/graphql/channels';
import type { ChannelFieldsFragment } from '@/graphql/generated/graphql';
import { useLocale, useT } from '@/lib/i18n/client';
import { checkKeys } from './check-keys';

export function ChannelForm({
  channel,
  open,
  onOpenChange,
  groups,
  onSaved,
}: {
  channel: ChannelFieldsFragment | null;
  open: boolean;
  onOpenChange: (open: boolean) => void;
  groups: string[];
  onSaved: () => void;
}) {
  const t = useT();
  const locale = useLocale();
  const toast = useToast();
  const errorText = useErrorToastText();
  const editing = channel !== null;
  const [type, setType] = useState(channel?.type ?? 'openai');
  const provider = providerInfo(type);
  const [name, setName] = useState(channel?.name ?? '');
  const [keysText, setKeysText] = useState('');
  const [baseUrl, setBaseUrl] = useState(channel?.baseUrl ?? '');
  const [models, setModels] = useState<string[]>(channel?.models ?? []);
  const [channelGroups, setGroups] = useState<string[]>(channel?.groups ?? ['default']);
  const [priority, setPriority] = useState(String(channel?.priority ?? 0));
  const [weight, setWeight] = useState(String(channel?.weight ?? 1));
  const [mapping, setMapping] = useState<Pair[]>(toPairs(channel?.modelMapping as Record<string, unknown>));
  const [headers, setHeaders] = useState<Pair[]>(toPairs(channel?.headers as Record<string, unknown>));
  const [passthrough, setPassthrough] = useState<string[]>(channel?.passthroughHeaders ?? []);
  const [autoTest, setAutoTest] = useState(channel?.autoTest ?? true);
  const [autoDisable, setAutoDisable] = useState(channel?.autoDisable ?? true);
  const [config, setConfig] = useState<Record<string, unknown>>(() => {
    const initial: Record<string, unknown> = { ...((channel?.config as Record<string, unknown>) ?? {}) };
    for (const f of provider?.fields ?? [])
      if (initial[f.name] === undefined && f.default !== undefined) initial[f.name] = f.default;
    return initial;
  });
  const [, create] = useMutation(CreateChannelMutation);
  const [, update] = useMutation(UpdateChannelMutation);
  const [fetchState, fetchModels] = useMutation(FetchChannelModelsMutation);
  const [saving, setSaving] = useState(false);

  const { keys, bad } = useMemo(() => checkKeys(keysText, provider), [keysText, provider]);
  const mappingTargets = new Set(mapping.map((m) => m.key.trim()).filter(Boolean));
  const unmappedMappings = [...mappingTargets].filter((m) => !models.includes(m));
  const needsBaseUrl = provider?.defaultBaseUrl === null && !baseUrl.trim();
  const invalid =
    !name.trim() || (!editing && keys.length === 0) || bad.length > 0 || models.length === 0 || needsBaseUrl;

  const submit = async () => {
    setSaving(true);
    const fields = {
      baseUrl: baseUrl.trim() || null,
      groups: channelGroups,
      priority: Number(priority) || 0,
      weight: Math.max(1, Number(weight) || 1),
      modelMapping: fromPairs(mapping),
      headers: fromPairs(headers),
      passthroughHeaders: passthrough,
      autoTest,
      autoDisable,
      config,
    };
    const r = editing
      ? await update({
          id: channel.id,
          input: { ...fields, name: name.trim(), models, ...(keys.length ? { keys } : {}) },
        })
      : await create({ input: { ...fields, type, name: name.trim(), keys, models } });
    setSaving(false);
    const err = errorText(r.error);
    if (err) return toast({ kind: 'error', ...err });
    toast({ kind: 'success', title: editing ? t('channels.saved') : t('channels.created') });
    onSaved();
    onOpenChange(false);
  };

  return (
    <Dialog
      open={open}
      onOpenChange={onOpenChange}
      title={editing ? t('channels.edit') : t('channels.create')}
      side="right"
    >
      <form
        className="grid gap-4"
        onSubmit={(e) => {
          e.preventDefault();
          if (!invalid) void submit();
        }}
      >
        <Field id="ch-type" label={t('channels.type')}>
          <Select id="ch-type" value={type} disabled={editing} onChange={(e) => setType(e.target.value)}>
            {PROVIDERS.map((p) => (
              <option key={p.type} value={p.type}>
                {p.label[locale]}
              </option>
            ))}
          </Select>
        </Field>
        <Field id="ch-name" label={t('channels.name')}>
          <Input id="ch-name" required value={name} onChange={(e) => setName(e.target.value)} />
        </Field>
        <Field
          id="ch-keys"
          label={t('channels.keys')}
          hint={
            editing
              ? t('channels.keysEditHint', { count: channel.maskedKeys?.length ?? 0 })
              : t('channels.keysHint', { format: provider?.keyFormat ?? '' })
          }
          error={
            bad.length
              ? t('channels.keysBad', { format: provider?.keyFormat ?? '', count: bad.length })
              : null
          }
        >
          <Textarea
            id="ch-keys"
            className="font-mono"
            placeholder={provider?.keyFormat}
            value={keysText}
            aria-invalid={bad.length > 0}
            onChange={(e) => setKeysText(e.target.value)}
          />
        </Field>
        {editing && channel.maskedKeys?.length ? (
          <ul className="-mt-2 flex flex-wrap gap-1 text-xs">
            {channel.maskedKeys.map((k) => (
              <li key={k.index} className="rounded bg-muted px-1.5 py-0.5 font-mono">
                {k.masked}
                {k.disabled ? ` (${t('channels.keyDisabled')})` : ''}
              </li>
            ))}
          </ul>
        ) : null}
        <Field
          id="ch-base"
          label={t('channels.baseUrl')}
          hint={
            provider?.defaultBaseUrl
              ? t('channels.baseUrlDefault', { url: provider.defaultBaseUrl })
              : t('channels.baseUrlRequired')
          }
          error={needsBaseUrl && baseUrl !== '' ? t('channels.baseUrlRequired') : null}
        >
          <Input
            id="ch-base"
            type="url"
            placeholder={provider?.defaultBaseUrl ?? 'https://…/v1'}
            value={baseUrl}
            onChange={(e) => setBaseUrl(e.target.value)}
          />
        </Field>
        {(provider?.fields ?? []).map((f) => (
          <Field key={f.name} id={`ch-cfg-${f.name}`} label={f.label[locale]} hint={f.help?.[locale]}>
            {f.kind === 'boolean' ? (
              <Switch
                id={`ch-cfg-${f.name}`}
                label={f.label[locale]}
                checked={Boolean(config[f.name])}
                onCheckedChange={(v) => setConfig({ ...config, [f.name]: v })}
              />
            ) : f.kind === 'select' ? (
              <Select
                id={`ch-cfg-${f.name}`}
                value={String(config[f.name] ?? '')}
                onChange={(e) => setConfig({ ...config, [f.name]: e.target.value })}
              >
                {(f.options ?? []).map((o) => (
                  <option key={o}>{o}</option>
                ))}
              </Select>
            ) : (
              <Input
                id={`ch-cfg-${f.name}`}
                type={f.kind === 'number' ? 'number' : 'text'}
                required={f.required}
                placeholder={f.placeholder}
                value={String(config[f.name] ?? '')}
                onChange={(e) =>
                  setConfig({
                    ...config,
                    [f.name]: f.kind === 'number' ? Number(e.target.value) : e.target.value,
                  })
                }
              />
            )}
          </Field>
        ))}
        <Field id="ch-models" label={t('channels.models')} hint={t('channels.modelsHint')}>
          <TagInput
            id="ch-models"
            values={models}
            onChange={setModels}
            suggestions={provider?.suggestedModels ?? []}
            placeholder="gpt-4o-mini"
          />
        </Field>
        {editing ? (
          <Button
            type="button"
            variant="outline"
            size="sm"
            className="-mt-2 justify-self-start"
            disabled={fetchState.fetching}
            onClick={async () => {
              const r = await fetchModels({ id: channel.id });
              const err = errorText(r.error);
              if (err) return toast({ kind: 'error', ...err });
              const fetched = r.data?.fetchChannelModels ?? [];
              setModels([...new Set([...models, ...fetched])]);
              toast({ kind: 'success', title: t('channels.modelsFetched', { count: fetched.length }) });
            }}
          >
            <Download className="h-3.5 w-3.5" /> {t('channels.fetchModels')}
          </Button>
        ) : null}
        <Field id="ch-groups" label={t('channels.groups')}>
          <TagInput id="ch-groups" values={channelGroups} onChange={setGroups} suggestions={groups} />
        </Field>
        <div className="grid grid-cols-2 gap-3">
          <Field id="ch-priority" label={t('channels.priority')} hint={t('channels.priorityHint')}>
            <Input
              id="ch-priority"
              type="number"
              value={priority}
              onChange={(e) => setPriority(e.target.value)}
            />
          </Field>
          <Field id="ch-weight" label={t('channels.weight')} hint={t('channels.weightHint')}>
            <Input
              id="ch-weight"
              type="number"
              min={1}
              value={weight}
              onChange={(e) => setWeight(e.target.value)}
            />
          </Field>
        </div>
        <Field
          id="ch-mapping"
          label={t('channels.modelMapping')}
          hint={
            unmappedMappings.length
              ? t('channels.mappingNotServed', { models: unmappedMappings.join(', ') })
              : t('channels.modelMappingHint')
          }
        >
          <KvEditor
            id="ch-mapping"
            pairs={mapping}
            onChange={setMapping}
            keyPlaceholder={t('channels.requestedModel')}
            valuePlaceholder={t('channels.upstreamModel')}
          />
        </Field>
        <Field id="ch-headers" label={t('channels.headers')}>
          <KvEditor
            id="ch-headers"
            pairs={headers}
            onChange={setHeaders}
            keyPlaceholder={t('channels.headerName')}
            valuePlaceholder={t('channels.headerValue')}
          />
        </Field>
        <Field id="ch-passthrough" label={t('channels.passthrough')} hint={t('channels.passthroughHint')}>
          <TagInput
            id="ch-passthrough"
            values={passthrough}
            onChange={setPassthrough}
            placeholder="x-request-id"
          />
        </Field>
        <div className="flex flex-wrap gap-6">
          <Switch
            id="ch-autotest"
            label={t('channels.autoTest')}
            checked={autoTest}
            onCheckedChange={setAutoTest}
          />
          <Switch
            id="ch-autodisable"
            label={t('channels.autoDisable')}
            checked={autoDisable}
            onCheckedChange={setAutoDisable}
          />
        </div>
        <div className="sticky bottom-0 flex justify-end gap-2 border-t border-border bg-surface pt-3">
          <Button type="button" variant="outline" onClick={() => onOpenChange(false)}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" disabled={invalid || saving} data-testid="channel-save">
            {t('common.save')}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
