import type { Metadata } from 'next';
import { AccountView } from '@/components/account/account-view';
import { getT } from '@/lib/i18n/server';
import { requirePage } from '@/lib/session';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())('nav.account') };
}

export default async function Page() {
  await requirePage('/account');
  return <AccountView />;
}
