'use client';
import type { ReactNode } from 'react';
import { ConfirmProvider } from '@/components/ui/confirm';
import { ToastProvider } from '@/components/ui/toast';
import type { Locale } from '@/lib/i18n/config';
import { I18nProvider } from '@/lib/i18n/client';
import { GraphqlProvider } from '@/lib/urql/provider';

export function Providers({ locale, children }: { locale: Locale; children: ReactNode }) {
  return (
    <I18nProvider locale={locale}>
      <GraphqlProvider>
        <ToastProvider>
          <ConfirmProvider>{children}</ConfirmProvider>
        </ToastProvider>
      </GraphqlProvider>
    </I18nProvider>
  );
}
