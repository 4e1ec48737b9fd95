import { cookies, headers } from 'next/headers';
import { LOCALE_COOKIE, type Locale, pickLocale } from './config';
import { MESSAGES } from './messages';
import { translate, type Vars } from './translate';

export async function getLocale(): Promise<Locale> {
  const [jar, h] = await Promise.all([cookies(), headers()]);
  return pickLocale(jar.get(LOCALE_COOKIE)?.value, h.get('accept-language'));
}

export async function getT() {
  const locale = await getLocale();
  return (key: string, vars?: Vars) => translate(MESSAGES[locale], key, vars);
}
