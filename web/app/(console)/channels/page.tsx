import type { Metadata } from 'next';
import { ChannelsView } from '@/components/channels/channels-view';
import { getT } from '@/lib/i18n/server';
import { requirePage } from '@/lib/session';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())('nav.channels') };
}

export default async function ChannelsPage() {
  await requirePage('/channels');
  return <ChannelsView />;
}
