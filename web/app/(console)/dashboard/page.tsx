import type { Metadata } from 'next';
import { DashboardView } from '@/components/dashboard/dashboard-view';
import { getT } from '@/lib/i18n/server';
import { requirePage } from '@/lib/session';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())('nav.dashboard') };
}

export default async function Page() {
  await requirePage('/dashboard');
  return <DashboardView />;
}
