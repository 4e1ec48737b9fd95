'use client';
import { Menu, X } from 'lucide-react';
import Link from 'next/link';
import { usePathname, useSearchParams } from 'next/navigation';
import { type ReactNode, Suspense, useEffect, useState } from 'react';
import { navFor } from '@/config/nav';
import { cn } from '@/lib/cn';
import { useT } from '@/lib/i18n/client';
import { MeProvider } from '@/lib/me-context';
import type { Me } from '@/lib/session';
import { ChangePasswordPrompt } from './change-password-prompt';
import { LocaleSwitcher } from './locale-switcher';
import { ThemeToggle } from './theme-toggle';
import { UserMenu } from './user-menu';

export function Shell({ me, children }: { me: Me; children: ReactNode }) {
  const t = useT();
  const pathname = usePathname();
  const [open, setOpen] = useState(false);
  // biome-ignore lint/correctness/useExhaustiveDependencies: close the phone menu whenever the route changes
  useEffect(() => setOpen(false), [pathname]);
  const items = navFor(me.role);
  const nav = (
    <nav aria-label={t('nav.main')} className="grid gap-0.5 p-2">
      {items.map((item) => {
        const active = pathname === item.href || pathname.startsWith(`${item.href}/`);
        return (
          <Link
            key={item.href}
            href={item.href}
            aria-current={active ? 'page' : undefined}
            className={cn(
              'flex items-center gap-2 rounded-md px-3 py-2 text-sm',
              active
                ? 'bg-primary/10 font-medium text-primary'
                : 'text-muted-fg hover:bg-muted hover:text-fg',
            )}
          >
            <item.icon className="h-4 w-4" aria-hidden />
            {t(item.label)}
          </Link>
        );
      })}
    </nav>
  );
  return (
    <MeProvider me={me}>
      <div className="flex min-h-dvh">
        <aside className="sticky top-0 hidden h-dvh w-56 shrink-0 flex-col border-r border-border bg-surface md:flex">
          <Brand />
          {nav}
        </aside>
        {open ? (
          <div className="fixed inset-0 z-40 md:hidden">
            <button
              type="button"
              aria-label={t('nav.close')}
              className="absolute inset-0 bg-black/40"
              onClick={() => setOpen(false)}
            />
            <aside className="relative flex h-full w-64 flex-col bg-surface shadow-xl">
              <div className="flex items-center justify-between pr-2">
                <Brand />
                <button
                  type="button"
                  aria-label={t('nav.close')}
                  className="rounded p-2 hover:bg-muted"
                  onClick={() => setOpen(false)}
                >
                  <X className="h-4 w-4" />
                </button>
              </div>
              {nav}
            </aside>
          </div>
        ) : null}
        <div className="flex min-w-0 flex-1 flex-col">
          <header className="sticky top-0 z-30 flex h-14 items-center gap-2 border-b border-border bg-surface/90 px-3 backdrop-blur md:px-6">
            <button
              type="button"
              aria-label={t('nav.open')}
              className="rounded p-2 hover:bg-muted md:hidden"
              onClick={() => setOpen(true)}
            >
              <Menu className="h-5 w-5" />
            </button>
            <div className="flex-1" />
            <LocaleSwitcher />
            <ThemeToggle />
            <UserMenu me={me} />
          </header>
          <main className="mx-auto w-full max-w-7xl flex-1 p-3 md:p-6">
            <Suspense>
              <DeniedBanner />
            </Suspense>
            {children}
          </main>
        </div>
        <ChangePasswordPrompt />
      </div>
    </MeProvider>
  );
}

function Brand() {
  return (
    <Link href="/" className="flex h-14 items-center gap-2 px-4 font-semibold">
      <span className="grid h-7 w-7 place-items-center rounded-md bg-primary text-primary-fg">S</span>
      Switchboard
    </Link>
  );
}

/** Shown after a page guard sent the user home from a page their role may not open. */
function DeniedBanner() {
  const t = useT();
  const denied = useSearchParams().get('denied');
  if (!denied) return null;
  return (
    <div
      role="alert"
      data-testid="access-denied"
      className="mb-4 rounded-md border border-warning/40 bg-warning/10 p-3 text-sm"
    >
      {t('errors.forbiddenPage', { page: denied })}
    </div>
  );
}
