import type { Metadata } from 'next';
import { AuditView } from '@/components/admin/audit-view';
import { getT } from '@/lib/i18n/server';
import { requirePage } from '@/lib/session';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())('nav.audit') };
}

export default async function Page() {
  await requirePage('/audit');
  return <AuditView />;
}
