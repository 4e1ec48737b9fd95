import type { ReactNode } from 'react';
import { LocaleSwitcher } from '@/components/shell/locale-switcher';
import { ThemeToggle } from '@/components/shell/theme-toggle';

export default function AuthLayout({ children }: { children: ReactNode }) {
  return (
    <div className="grid min-h-dvh grid-rows-[auto_1fr]">
      <header className="flex justify-end gap-2 p-3">
        <LocaleSwitcher />
        <ThemeToggle />
      </header>
      <main className="grid place-items-center p-4">{children}</main>
    </div>
  );
}
