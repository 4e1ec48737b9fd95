import { redirect } from 'next/navigation';
import { homeFor } from '@/config/nav';
import { getMe } from '@/lib/session';

export default async function Index() {
  const me = await getMe();
  redirect(me ? homeFor(me.role) : '/login');
}
