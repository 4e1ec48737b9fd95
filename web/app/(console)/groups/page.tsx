import type { Metadata } from 'next';
import { GroupsView } from '@/components/groups/groups-view';
import { getT } from '@/lib/i18n/server';
import { requirePage } from '@/lib/session';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())('nav.groups') };
}

export default async function Page() {
  await requirePage('/groups');
  return <GroupsView />;
}
