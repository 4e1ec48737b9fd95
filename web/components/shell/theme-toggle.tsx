'use client';
import { Monitor, Moon, Sun } from 'lucide-react';
import { useEffect, useState } from 'react';
import { useT } from '@/lib/i18n/client';
import { isTheme, THEME_COOKIE, type Theme } from '@/lib/theme';

const NEXT: Record<Theme, Theme> = { system: 'light', light: 'dark', dark: 'system' };

function apply(theme: Theme) {
  const dark = theme === 'dark' || (theme === 'system' && matchMedia('(prefers-color-scheme: dark)').matches);
  document.documentElement.classList.toggle('dark', dark);
  // biome-ignore lint/suspicious/noDocumentCookie: the server reads this cookie; Cookie Store API is not in every browser
  document.cookie = `${THEME_COOKIE}=${theme}; path=/; max-age=31536000; samesite=lax`;
}

export function ThemeToggle() {
  const t = useT();
  const [theme, setTheme] = useState<Theme>('system');
  useEffect(() => {
    const m = document.cookie.match(new RegExp(`(?:^|; )${THEME_COOKIE}=(\\w+)`));
    if (m && isTheme(m[1])) setTheme(m[1]);
  }, []);
  const Icon = theme === 'dark' ? Moon : theme === 'light' ? Sun : Monitor;
  return (
    <button
      type="button"
      className="rounded p-2 hover:bg-muted"
      aria-label={t('theme.toggle', { theme: t(`theme.${theme}`) })}
      title={t(`theme.${theme}`)}
      onClick={() => {
        const next = NEXT[theme];
        setTheme(next);
        apply(next);
      }}
    >
      <Icon className="h-4 w-4" />
    </button>
  );
}
