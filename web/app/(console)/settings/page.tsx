import type { Metadata } from 'next';
import { SettingsView } from '@/components/admin/settings-view';
import { getT } from '@/lib/i18n/server';
import { requirePage } from '@/lib/session';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())('nav.settings') };
}

export default async function Page() {
  await requirePage('/settings');
  return <SettingsView />;
}
