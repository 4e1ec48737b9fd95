import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { homeFor } from '@/config/nav';
import { getT } from '@/lib/i18n/server';
import { getMe } from '@/lib/session';
import { LoginForm } from './login-form';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())('auth.signIn') };
}

export default async function LoginPage() {
  const me = await getMe();
  if (me) redirect(homeFor(me.role));
  return <LoginForm />;
}
