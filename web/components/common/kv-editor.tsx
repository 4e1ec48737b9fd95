'use client';
import { Plus, Trash2 } from 'lucide-react';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { useT } from '@/lib/i18n/client';

export type Pair = { key: string; value: string };

export function toPairs(record: Record<string, unknown> | null | undefined): Pair[] {
  return Object.entries(record ?? {}).map(([key, value]) => ({ key, value: String(value) }));
}

export function fromPairs(pairs: Pair[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const p of pairs) if (p.key.trim()) out[p.key.trim()] = p.value.trim();
  return out;
}

/** Rows of key → value (model mapping, extra headers); duplicate keys are flagged. */
export function KvEditor({
  id,
  pairs,
  onChange,
  keyPlaceholder,
  valuePlaceholder,
}: {
  id: string;
  pairs: Pair[];
  onChange: (pairs: Pair[]) => void;
  keyPlaceholder: string;
  valuePlaceholder: string;
}) {
  const t = useT();
  const seen = new Map<string, number>();
  for (const p of pairs) seen.set(p.key.trim(), (seen.get(p.key.trim()) ?? 0) + 1);
  const set = (i: number, patch: Partial<Pair>) =>
    onChange(pairs.map((p, j) => (j === i ? { ...p, ...patch } : p)));
  return (
    <div className="grid gap-2" id={id}>
      {pairs.map((p, i) => {
        const dup = p.key.trim() !== '' && (seen.get(p.key.trim()) ?? 0) > 1;
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: rows are edited in place, index is their identity
          <div key={i} className="flex items-center gap-2">
            <Input
              aria-label={keyPlaceholder}
              placeholder={keyPlaceholder}
              value={p.key}
              aria-invalid={dup}
              onChange={(e) => set(i, { key: e.target.value })}
            />
            <span aria-hidden className="text-muted-fg">
              →
            </span>
            <Input
              aria-label={valuePlaceholder}
              placeholder={valuePlaceholder}
              value={p.value}
              onChange={(e) => set(i, { value: e.target.value })}
            />
            <Button
              type="button"
              variant="ghost"
              size="icon"
              aria-label={t('common.remove')}
              onClick={() => onChange(pairs.filter((_, j) => j !== i))}
            >
              <Trash2 className="h-4 w-4" />
            </Button>
          </div>
        );
      })}
      <Button
        type="button"
        variant="outline"
        size="sm"
        className="justify-self-start"
        onClick={() => onChange([...pairs, { key: '', value: '' }])}
      >
        <Plus className="h-3.5 w-3.5" /> {t('common.addRow')}
      </Button>
    </div>
  );
}
