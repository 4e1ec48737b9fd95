import Link from 'next/link';
import { getT } from '@/lib/i18n/server';

export default async function NotFound() {
  const t = await getT();
  return (
    <main className="grid min-h-dvh place-items-center p-6 text-center">
      <div className="grid gap-2">
        <p className="text-4xl font-semibold">404</p>
        <p className="text-muted-fg">{t('errors.notFound')}</p>
        <Link className="text-primary underline" href="/">
          {t('common.home')}
        </Link>
      </div>
    </main>
  );
}
