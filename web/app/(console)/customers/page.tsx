import type { Metadata } from 'next';
import { CustomersView } from '@/components/customers/customers-view';
import { getT } from '@/lib/i18n/server';
import { requirePage } from '@/lib/session';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())('nav.customers') };
}

export default async function Page() {
  await requirePage('/customers');
  return <CustomersView />;
}
