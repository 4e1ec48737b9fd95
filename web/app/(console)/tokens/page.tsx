import type { Metadata } from 'next';
import { TokensView } from '@/components/tokens/tokens-view';
import { getT } from '@/lib/i18n/server';
import { requirePage } from '@/lib/session';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())('nav.tokens') };
}

export default async function TokensPage() {
  await requirePage('/tokens');
  return <TokensView />;
}
