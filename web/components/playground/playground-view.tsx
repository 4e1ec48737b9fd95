'use client';
import { tokenQuota } from '@switchboard/shared/pricing';
import { useMutation, useQuery } from '@urql/next';
import { Minus, Plus, Send, Square } from 'lucide-react';
import { useCallback, useEffect, useRef, useState } from 'react';
import { PageHeader } from '@/components/common/page-header';
import { Button } from '@/components/ui/button';
import { Card, CardContent, CardHeader } from '@/components/ui/card';
import { ErrorPanel } from '@/components/ui/error-panel';
import { Field, Select, Textarea } from '@/components/ui/input';
import { ModelPricesQuery } from '@/graphql/groups';
import { CreatePlaygroundTokenMutation } from '@/graphql/tokens';
import { formatUsd } from '@/lib/format';
import { useMoney } from '@/lib/money';
import { useLocale, useT } from '@/lib/i18n/client';
import { useIsStaff } from '@/lib/me-context';
import { type ChatRun, EMPTY_RUN, runChat } from './run-chat';

const GRID: Record<number, string> = {
  2: 'md:grid-cols-2',
  3: 'md:grid-cols-2 xl:grid-cols-3',
  4: 'md:grid-cols-2 xl:grid-cols-4',
};

interface PlaygroundKey {
  key: string;
  expiresAt: number;
}

export function PlaygroundView() {
  const t = useT();
  const { quotaToUsd } = useMoney();
  const locale = useLocale();
  const staff = useIsStaff();
  const [issued, issue] = useMutation(CreatePlaygroundTokenMutation);
  const [key, setKey] = useState<PlaygroundKey | null>(null);
  const [models, setModels] = useState<string[]>([]);
  const [panels, setPanels] = useState<string[]>(['']);
  const [system, setSystem] = useState('');
  const [prompt, setPrompt] = useState('');
  const [runs, setRuns] = useState<ChatRun[]>([]);
  const abort = useRef<AbortController | null>(null);
  const [prices] = useQuery({ query: ModelPricesQuery, pause: !staff });

  /** A short-lived key billed to the signed-in user; renewed a minute before it expires. */
  const ensureKey = useCallback(async (): Promise<string | null> => {
    if (key && key.expiresAt - Date.now() > 60_000) return key.key;
    const r = await issue({});
    const data = r.data?.createPlaygroundToken;
    if (!data) return null;
    setKey({ key: data.key, expiresAt: new Date(data.expiresAt as string).getTime() });
    return data.key;
  }, [key, issue]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: once on mount; the key is renewed lazily before each send
  useEffect(() => {
    void (async () => {
      const k = await ensureKey();
      if (!k) return;
      const res = await fetch('/v1/models', { headers: { authorization: `Bearer ${k}` } });
      const body = (await res.json().catch(() => null)) as { data?: { id: string }[] } | null;
      const ids = (body?.data ?? []).map((m) => m.id).sort();
      setModels(ids);
      setPanels((p) => p.map((m) => m || ids[0] || ''));
    })();
  }, []);

  const running = runs.some((r) => !r.done);
  const send = async () => {
    const k = await ensureKey();
    if (!k || !prompt.trim()) return;
    abort.current = new AbortController();
    const messages = [
      ...(system.trim() ? [{ role: 'system', content: system }] : []),
      { role: 'user', content: prompt },
    ];
    setRuns(panels.map(() => ({ ...EMPTY_RUN })));
    await Promise.all(
      panels.map((model, i) =>
        runChat({ key: k, model, messages, signal: abort.current!.signal }, (run) =>
          setRuns((all) => all.map((r, j) => (j === i ? run : r))),
        ),
      ),
    );
  };

  const costOf = (model: string, run: ChatRun): string => {
    const price = prices.data?.modelPrices.find((p) => p.model === model);
    if (!price || run.promptTokens == null) return '—';
    const quota = tokenQuota(
      { promptTokens: run.promptTokens, completionTokens: run.completionTokens ?? 0 },
      {
        modelRatio: price.modelRatio,
        completionRatio: price.completionRatio,
        cachedRatio: price.cachedRatio,
        cacheWriteRatio: price.cacheWriteRatio,
        reasoningRatio: price.reasoningRatio ?? null,
        perCallQuota: price.perCallQuota,
      },
      '1',
    );
    return formatUsd(quotaToUsd(quota.toString()), locale);
  };

  return (
    <div className="grid gap-4">
      <PageHeader title={t('nav.playground')} description={t('playground.description')} />
      {issued.error ? <ErrorPanel error={issued.error} onRetry={() => void ensureKey()} /> : null}
      <Card>
        <CardContent className="grid gap-3 p-4">
          <Field id="pg-system" label={t('playground.system')}>
            <Textarea
              id="pg-system"
              rows={2}
              value={system}
              onChange={(e) => setSystem(e.target.value)}
              placeholder={t('playground.systemPlaceholder')}
            />
          </Field>
          <Field id="pg-prompt" label={t('playground.prompt')}>
            <Textarea
              id="pg-prompt"
              rows={4}
              value={prompt}
              onChange={(e) => setPrompt(e.target.value)}
              placeholder={t('playground.promptPlaceholder')}
              onKeyDown={(e) => {
                if (e.key === 'Enter' && (e.metaKey || e.ctrlKey) && !running) void send();
              }}
            />
          </Field>
          <div className="flex flex-wrap items-center gap-2">
            {running ? (
              <Button variant="outline" onClick={() => abort.current?.abort()}>
                <Square className="h-4 w-4" /> {t('playground.stop')}
              </Button>
            ) : (
              <Button
                onClick={() => void send()}
                disabled={!prompt.trim() || panels.some((m) => !m) || !key}
                data-testid="playground-send"
              >
                <Send className="h-4 w-4" /> {t('playground.send')}
              </Button>
            )}
            <Button
              variant="outline"
              disabled={panels.length >= 4 || running}
              onClick={() => setPanels([...panels, models[panels.length] ?? models[0] ?? ''])}
            >
              <Plus className="h-4 w-4" /> {t('playground.compare')}
            </Button>
            <span className="text-xs text-muted-fg">
              {key
                ? t('playground.keyExpires', {
                    minutes: Math.max(0, Math.round((key.expiresAt - Date.now()) / 60_000)),
                  })
                : t('playground.keyPending')}
            </span>
          </div>
        </CardContent>
      </Card>
      <div className={`grid gap-4 ${GRID[panels.length] ?? ''}`}>
        {panels.map((model, i) => {
          const run = runs[i];
          return (
            // biome-ignore lint/suspicious/noArrayIndexKey: panels are positional
            <Card key={i} data-testid={`playground-panel-${i}`}>
              <CardHeader>
                <Select
                  aria-label={t('playground.model')}
                  value={model}
                  disabled={running}
                  onChange={(e) => setPanels(panels.map((m, j) => (j === i ? e.target.value : m)))}
                >
                  {models.length === 0 ? <option value="">{t('playground.noModels')}</option> : null}
                  {models.map((m) => (
                    <option key={m}>{m}</option>
                  ))}
                </Select>
                {panels.length > 1 ? (
                  <Button
                    variant="ghost"
                    size="icon"
                    aria-label={t('common.remove')}
                    disabled={running}
                    onClick={() => {
                      setPanels(panels.filter((_, j) => j !== i));
                      setRuns(runs.filter((_, j) => j !== i));
                    }}
                  >
                    <Minus className="h-4 w-4" />
                  </Button>
                ) : null}
              </CardHeader>
              <CardContent className="grid gap-3">
                <div
                  className="min-h-32 whitespace-pre-wrap rounded-md bg-muted/50 p-3 text-sm"
                  aria-live="polite"
                  data-testid={`playground-output-${i}`}
                >
                  {run?.text ||
                    (run && !run.done ? (
                      <span className="animate-pulse text-muted-fg">…</span>
                    ) : (
                      <span className="text-muted-fg">{t('playground.outputPlaceholder')}</span>
                    ))}
                </div>
                {run?.error && run.error !== 'aborted' ? (
                  <p role="alert" className="text-sm text-danger">
                    {run.error}
                  </p>
                ) : null}
                <dl className="grid grid-cols-4 gap-2 text-xs" data-testid={`playground-stats-${i}`}>
                  <Stat label={t('playground.ttft')} value={run?.ttftMs != null ? `${run.ttftMs} ms` : '—'} />
                  <Stat
                    label={t('playground.total')}
                    value={run?.totalMs != null ? `${run.totalMs} ms` : '—'}
                  />
                  <Stat
                    label={t('playground.tokens')}
                    value={
                      run?.promptTokens != null ? `${run.promptTokens} / ${run.completionTokens ?? 0}` : '—'
                    }
                  />
                  <Stat label={t('playground.cost')} value={run ? costOf(model, run) : '—'} />
                </dl>
              </CardContent>
            </Card>
          );
        })}
      </div>
    </div>
  );
}

function Stat({ label, value }: { label: string; value: string }) {
  return (
    <div>
      <dt className="text-muted-fg">{label}</dt>
      <dd className="font-medium tabular-nums">{value}</dd>
    </div>
  );
}
