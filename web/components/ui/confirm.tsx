'use client';
import { AlertDialog as A } from 'radix-ui';
import { createContext, type ReactNode, useCallback, useContext, useRef, useState } from 'react';
import { useT } from '@/lib/i18n/client';
import { Button } from './button';

interface ConfirmOptions {
  title: string;
  description?: string;
  confirmLabel?: string;
  destructive?: boolean;
}
type Ask = (options: ConfirmOptions) => Promise<boolean>;
const ConfirmContext = createContext<Ask>(async () => false);

/** `const confirm = useConfirm(); if (await confirm({...})) …` — an accessible alert dialog. */
export function useConfirm(): Ask {
  return useContext(ConfirmContext);
}

export function ConfirmProvider({ children }: { children: ReactNode }) {
  const t = useT();
  const [options, setOptions] = useState<ConfirmOptions | null>(null);
  const resolver = useRef<(ok: boolean) => void>(() => {});
  const ask = useCallback<Ask>(
    (o) =>
      new Promise((resolve) => {
        resolver.current = resolve;
        setOptions(o);
      }),
    [],
  );
  const close = (ok: boolean) => {
    resolver.current(ok);
    setOptions(null);
  };
  return (
    <ConfirmContext.Provider value={ask}>
      {children}
      <A.Root open={options !== null} onOpenChange={(open) => !open && close(false)}>
        <A.Portal>
          <A.Overlay className="fixed inset-0 z-40 bg-black/40" />
          <A.Content className="fixed left-1/2 top-1/2 z-50 grid w-[calc(100%-2rem)] max-w-md -translate-x-1/2 -translate-y-1/2 gap-4 rounded-lg border border-border bg-surface p-5 shadow-xl">
            <A.Title className="text-base font-semibold">{options?.title}</A.Title>
            <A.Description className="text-sm text-muted-fg">{options?.description ?? ''}</A.Description>
            <div className="flex justify-end gap-2">
              <A.Cancel asChild>
                <Button variant="outline">{t('common.cancel')}</Button>
              </A.Cancel>
              <A.Action asChild>
                <Button
                  variant={options?.destructive ? 'destructive' : 'default'}
                  onClick={() => close(true)}
                >
                  {options?.confirmLabel ?? t('common.confirm')}
                </Button>
              </A.Action>
            </div>
          </A.Content>
        </A.Portal>
      </A.Root>
    </ConfirmContext.Provider>
  );
}
