import { redirect } from 'next/navigation';
import type { ReactNode } from 'react';
import { Shell } from '@/components/shell/shell';
import { getMe } from '@/lib/session';

export default async function ConsoleLayout({ children }: { children: ReactNode }) {
  const me = await getMe();
  if (!me) redirect('/login');
  return <Shell me={me}>{children}</Shell>;
}
