'use client';
import { Languages } from 'lucide-react';
import { useRouter } from 'next/navigation';
import { isLocale } from '@/lib/i18n/config';
import { storeLocale, useLocale, useT } from '@/lib/i18n/client';

export function LocaleSwitcher() {
  const locale = useLocale();
  const t = useT();
  const router = useRouter();
  return (
    <label className="flex items-center gap-1 text-sm">
      <Languages className="h-4 w-4 text-muted-fg" aria-hidden />
      <span className="sr-only">{t('common.language')}</span>
      <select
        data-testid="locale-switcher"
        value={locale}
        onChange={(e) => {
          if (!isLocale(e.target.value)) return;
          storeLocale(e.target.value);
          router.refresh();
        }}
        className="rounded-md border border-border bg-surface px-1.5 py-1 text-sm"
      >
        <option value="zh">中文</option>
        <option value="en">English</option>
      </select>
    </label>
  );
}
