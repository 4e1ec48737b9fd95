import type { Metadata } from 'next';
import { RedemptionsView } from '@/components/admin/redemptions-view';
import { getT } from '@/lib/i18n/server';
import { requirePage } from '@/lib/session';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())('nav.redemptions') };
}

export default async function Page() {
  await requirePage('/redemptions');
  return <RedemptionsView />;
}
