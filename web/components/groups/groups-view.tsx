'use client';
import { useMutation, useQuery } from '@urql/next';
import { Plus, Trash2 } from 'lucide-react';
import { useState } from 'react';
import { PageHeader } from '@/components/common/page-header';
import { Button } from '@/components/ui/button';
import { Card, CardContent, CardHeader, CardTitle } from '@/components/ui/card';
import { useConfirm } from '@/components/ui/confirm';
import { EmptyState } from '@/components/ui/empty-state';
import { ErrorPanel, useErrorToastText } from '@/components/ui/error-panel';
import { Input } from '@/components/ui/input';
import { PageSkeleton } from '@/components/ui/skeleton';
import { useToast } from '@/components/ui/toast';
import {
  CreateGroupMutation,
  DeleteGroupMutation,
  GroupsQuery,
  ModelPricesQuery,
  UpsertModelPriceMutation,
  UpdateGroupMutation,
} from '@/graphql/groups';
import { isValidRatio } from '@switchboard/shared/pricing';
import { useT } from '@/lib/i18n/client';

/** A cell that edits a ratio in place: Enter or blur saves, Escape reverts; invalid input is never sent. */
function RatioCell({
  value,
  label,
  onSave,
  suffix,
}: {
  value: string;
  label: string;
  onSave: (v: string) => Promise<boolean>;
  suffix?: string;
}) {
  const [draft, setDraft] = useState(value);
  const [saving, setSaving] = useState(false);
  const invalid = !isValidRatio(draft);
  const commit = async () => {
    if (invalid || draft === value) return setDraft(value);
    setSaving(true);
    if (!(await onSave(draft))) setDraft(value);
    setSaving(false);
  };
  return (
    <span className="flex items-center gap-2">
      <Input
        aria-label={label}
        className="h-8 w-24 tabular-nums"
        value={draft}
        aria-invalid={invalid}
        disabled={saving}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === 'Enter') void commit();
          if (e.key === 'Escape') setDraft(value);
        }}
      />
      {suffix ? <span className="text-xs text-muted-fg">{suffix}</span> : null}
    </span>
  );
}

export function GroupsView() {
  const t = useT();
  const toast = useToast();
  const confirm = useConfirm();
  const errorText = useErrorToastText();
  const [groups, refetchGroups] = useQuery({ query: GroupsQuery });
  const [prices, refetchPrices] = useQuery({ query: ModelPricesQuery });
  const [, createGroup] = useMutation(CreateGroupMutation);
  const [, updateGroup] = useMutation(UpdateGroupMutation);
  const [, deleteGroup] = useMutation(DeleteGroupMutation);
  const [, setPrice] = useMutation(UpsertModelPriceMutation);
  const [newName, setNewName] = useState('');
  const [newRatio, setNewRatio] = useState('1');
  const [search, setSearch] = useState('');
  const [newModel, setNewModel] = useState('');

  const check = (r: { error?: Parameters<typeof errorText>[0] }, ok: string) => {
    const err = errorText(r.error);
    if (err) {
      toast({ kind: 'error', ...err });
      return false;
    }
    toast({ kind: 'success', title: ok });
    return true;
  };
  const list = (prices.data?.modelPrices ?? []).filter((p) =>
    p.model.toLowerCase().includes(search.toLowerCase()),
  );

  return (
    <div className="grid gap-4">
      <PageHeader title={t('nav.groups')} description={t('groups.description')} />
      <Card>
        <CardHeader>
          <CardTitle>{t('groups.groups')}</CardTitle>
        </CardHeader>
        <CardContent className="grid gap-3">
          {groups.error ? (
            <ErrorPanel error={groups.error} />
          ) : !groups.data ? (
            <PageSkeleton rows={3} />
          ) : (
            <table className="w-full text-sm">
              <thead className="text-left text-xs text-muted-fg">
                <tr>
                  <th className="py-1">{t('groups.name')}</th>
                  <th>{t('groups.ratio')}</th>
                  <th>{t('groups.descriptionLabel')}</th>
                  <th />
                </tr>
              </thead>
              <tbody>
                {groups.data.groups.map((g) => (
                  <tr key={g.id} className="border-t border-border">
                    <td className="py-1.5 font-medium">{g.name}</td>
                    <td>
                      <RatioCell
                        value={g.ratio}
                        label={t('groups.ratioOf', { name: g.name })}
                        onSave={async (ratio) =>
                          check(await updateGroup({ id: g.id, ratio }), t('groups.saved'))
                        }
                        suffix={`×`}
                      />
                    </td>
                    <td className="text-muted-fg">{g.description}</td>
                    <td className="text-right">
                      <Button
                        size="icon"
                        variant="ghost"
                        aria-label={t('common.delete')}
                        disabled={g.name === 'default'}
                        onClick={async () => {
                          if (
                            await confirm({
                              title: t('groups.deleteConfirm', { name: g.name }),
                              description: t('common.irreversible'),
                              destructive: true,
                              confirmLabel: t('common.delete'),
                            })
                          ) {
                            if (check(await deleteGroup({ id: g.id }), t('groups.deleted')))
                              refetchGroups({ requestPolicy: 'network-only' });
                          }
                        }}
                      >
                        <Trash2 className="h-4 w-4" />
                      </Button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <form
            className="flex flex-wrap items-center gap-2"
            onSubmit={async (e) => {
              e.preventDefault();
              if (!newName.trim() || !isValidRatio(newRatio)) return;
              if (check(await createGroup({ name: newName.trim(), ratio: newRatio }), t('groups.created'))) {
                setNewName('');
                refetchGroups({ requestPolicy: 'network-only' });
              }
            }}
          >
            <Input
              className="w-40"
              aria-label={t('groups.name')}
              placeholder={t('groups.name')}
              value={newName}
              onChange={(e) => setNewName(e.target.value)}
            />
            <Input
              className="w-24"
              aria-label={t('groups.ratio')}
              value={newRatio}
              aria-invalid={!isValidRatio(newRatio)}
              onChange={(e) => setNewRatio(e.target.value)}
            />
            <Button type="submit" variant="outline" disabled={!newName.trim() || !isValidRatio(newRatio)}>
              <Plus className="h-4 w-4" /> {t('groups.add')}
            </Button>
          </form>
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>{t('groups.pricing')}</CardTitle>
          <Input
            className="w-56"
            type="search"
            aria-label={t('common.search')}
            placeholder={t('groups.searchModel')}
            value={search}
            onChange={(e) => setSearch(e.target.value)}
          />
        </CardHeader>
        <CardContent>
          <p className="mb-3 text-xs text-muted-fg">{t('groups.pricingHint')}</p>
          {prices.error ? (
            <ErrorPanel error={prices.error} />
          ) : !prices.data ? (
            <PageSkeleton />
          ) : list.length === 0 ? (
            <EmptyState title={t('groups.noPrices')} />
          ) : (
            <div className="overflow-x-auto">
              <table className="w-full text-sm">
                <thead className="text-left text-xs text-muted-fg">
                  <tr>
                    <th className="py-1">{t('groups.model')}</th>
                    <th>{t('groups.modelRatio')}</th>
                    <th>{t('groups.completionRatio')}</th>
                    <th>{t('groups.outputPrice')}</th>
                  </tr>
                </thead>
                <tbody>
                  {list.map((p) => {
                    const save = async (patch: { modelRatio?: string; completionRatio?: string }) => {
                      const ok = check(
                        await setPrice({
                          input: { model: p.model, ...patch },
                        }),
                        t('groups.priceSaved'),
                      );
                      return ok;
                    };
                    return (
                      <tr key={p.id} className="border-t border-border">
                        <td className="py-1.5 font-mono text-xs">{p.model}</td>
                        <td>
                          <RatioCell
                            value={p.modelRatio}
                            label={t('groups.modelRatioOf', { model: p.model })}
                            onSave={(modelRatio) => save({ modelRatio })}
                            suffix={t('groups.usdPerM', { usd: p.inputUsdPerMillion })}
                          />
                        </td>
                        <td>
                          <RatioCell
                            value={p.completionRatio}
                            label={t('groups.completionRatioOf', { model: p.model })}
                            onSave={(completionRatio) => save({ completionRatio })}
                          />
                        </td>
                        <td className="text-xs text-muted-fg tabular-nums">
                          {t('groups.usdPerM', { usd: p.outputUsdPerMillion })}
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
          )}
          <form
            className="mt-3 flex flex-wrap items-center gap-2"
            onSubmit={async (e) => {
              e.preventDefault();
              if (!newModel.trim()) return;
              if (
                check(
                  await setPrice({
                    input: { model: newModel.trim(), modelRatio: '1', completionRatio: '1' },
                  }),
                  t('groups.priceSaved'),
                )
              ) {
                setNewModel('');
                refetchPrices({ requestPolicy: 'network-only' });
              }
            }}
          >
            <Input
              className="w-56"
              aria-label={t('groups.model')}
              placeholder={t('groups.newModel')}
              value={newModel}
              onChange={(e) => setNewModel(e.target.value)}
            />
            <Button type="submit" variant="outline" disabled={!newModel.trim()}>
              <Plus className="h-4 w-4" /> {t('groups.addPrice')}
            </Button>
          </form>
        </CardContent>
      </Card>
    </div>
  );
}
