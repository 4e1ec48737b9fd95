import type { Metadata } from 'next';
import { CustomerDetail } from '@/components/customers/customer-detail';
import { getT } from '@/lib/i18n/server';
import { requirePage } from '@/lib/session';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())('nav.customers') };
}

export default async function Page({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  await requirePage(`/customers/${id}`);
  return <CustomerDetail id={id} />;
}
