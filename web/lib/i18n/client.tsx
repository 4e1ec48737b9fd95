'use client';
import { createContext, type ReactNode, useCallback, useContext } from 'react';
import { LOCALE_COOKIE, type Locale } from './config';
import { MESSAGES } from './messages';
import { translate, type Vars } from './translate';

const LocaleContext = createContext<Locale>('en');

export function I18nProvider({ locale, children }: { locale: Locale; children: ReactNode }) {
  return <LocaleContext.Provider value={locale}>{children}</LocaleContext.Provider>;
}

export function useLocale(): Locale {
  return useContext(LocaleContext);
}

export function useT() {
  const locale = useLocale();
  return useCallback((key: string, vars?: Vars) => translate(MESSAGES[locale], key, vars), [locale]);
}

/** Stores the choice for a year; the caller refreshes the page so server components follow. */
export function storeLocale(locale: Locale) {
  // biome-ignore lint/suspicious/noDocumentCookie: the server reads this cookie; Cookie Store API is not in every browser
  document.cookie = `${LOCALE_COOKIE}=${locale}; path=/; max-age=31536000; samesite=lax`;
}
