import type { Metadata } from 'next';
import { Suspense } from 'react';
import { LogsView } from '@/components/logs/logs-view';
import { getT } from '@/lib/i18n/server';
import { requirePage } from '@/lib/session';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())('nav.logs') };
}

export default async function Page() {
  await requirePage('/logs');
  return (
    <Suspense>
      <LogsView />
    </Suspense>
  );
}
