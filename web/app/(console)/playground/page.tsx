import type { Metadata } from 'next';
import { PlaygroundView } from '@/components/playground/playground-view';
import { getT } from '@/lib/i18n/server';
import { requirePage } from '@/lib/session';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())('nav.playground') };
}

export default async function Page() {
  await requirePage('/playground');
  return <PlaygroundView />;
}
