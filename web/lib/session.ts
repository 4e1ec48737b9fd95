import { redirect } from 'next/navigation';
import { cache } from 'react';
import { canOpen, homeFor } from '@/config/nav';
import { isRole, type Role } from '@/config/roles';
import { MeQuery } from '@/graphql/session';
import { serverClient } from './urql/server';

export interface Me {
  id: string;
  username: string;
  displayName: string | null;
  role: Role;
}

/** The signed-in user for this request (one api call per request), or null. */
export const getMe = cache(async (): Promise<Me | null> => {
  const { client, context } = await serverClient();
  const result = await client.query(MeQuery, {}, context).toPromise();
  const me = result.data?.me;
  if (!me || !isRole(me.role)) return null;
  return {
    id: me.id,
    username: me.username,
    displayName: me.displayName ?? null,
    role: me.role,
  };
});

/** Page guard: signed in and allowed by config/nav.ts, else to /login or to the role's home. */
export async function requirePage(pathname: string): Promise<Me> {
  const me = await getMe();
  if (!me) redirect(`/login?next=${encodeURIComponent(pathname)}`);
  if (!canOpen(me.role, pathname)) redirect(`${homeFor(me.role)}?denied=${encodeURIComponent(pathname)}`);
  return me;
}
