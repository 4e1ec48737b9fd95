'use client';
import { X } from 'lucide-react';
import { useState } from 'react';
import { Input } from '@/components/ui/input';
import { useT } from '@/lib/i18n/client';

/** A list of strings edited as chips: Enter, comma or paste adds; Backspace on empty removes the last. */
export function TagInput({
  id,
  values,
  onChange,
  placeholder,
  suggestions = [],
}: {
  id: string;
  values: string[];
  onChange: (values: string[]) => void;
  placeholder?: string;
  suggestions?: string[];
}) {
  const t = useT();
  const [draft, setDraft] = useState('');
  const add = (text: string) => {
    const items = text
      .split(/[\s,]+/)
      .map((s) => s.trim())
      .filter(Boolean);
    if (items.length) onChange([...new Set([...values, ...items])]);
    setDraft('');
  };
  const unused = suggestions.filter((s) => !values.includes(s));
  return (
    <div className="grid gap-1.5">
      <div className="flex flex-wrap items-center gap-1 rounded-md border border-border bg-surface p-1.5">
        {values.map((v) => (
          <span key={v} className="inline-flex items-center gap-1 rounded bg-muted px-1.5 py-0.5 text-xs">
            {v}
            <button
              type="button"
              aria-label={t('common.removeItem', { item: v })}
              onClick={() => onChange(values.filter((x) => x !== v))}
            >
              <X className="h-3 w-3" />
            </button>
          </span>
        ))}
        <Input
          id={id}
          className="h-7 min-w-32 flex-1 border-0 px-1 focus-visible:outline-0"
          placeholder={placeholder}
          value={draft}
          onChange={(e) => setDraft(e.target.value)}
          onBlur={() => draft && add(draft)}
          onPaste={(e) => {
            e.preventDefault();
            add(e.clipboardData.getData('text'));
          }}
          onKeyDown={(e) => {
            if (e.key === 'Enter' || e.key === ',') {
              e.preventDefault();
              add(draft);
            } else if (e.key === 'Backspace' && !draft && values.length) {
              onChange(values.slice(0, -1));
            }
          }}
        />
      </div>
      {unused.length ? (
        <div className="flex flex-wrap gap-1">
          {unused.map((s) => (
            <button
              key={s}
              type="button"
              className="rounded border border-dashed border-border px-1.5 py-0.5 text-xs text-muted-fg hover:bg-muted"
              onClick={() => onChange([...values, s])}
            >
              + {s}
            </button>
          ))}
        </div>
      ) : null}
    </div>
  );
}
