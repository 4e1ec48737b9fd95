'use client';
import { createContext, type ReactNode, useContext } from 'react';
import type { Role } from '@/config/roles';
import type { Me } from './session';

const MeContext = createContext<Me | null>(null);

export function MeProvider({ me, children }: { me: Me; children: ReactNode }) {
  return <MeContext.Provider value={me}>{children}</MeContext.Provider>;
}

export function useMe(): Me {
  const me = useContext(MeContext);
  if (!me) throw new Error('useMe outside the console layout');
  return me;
}

export function useIsStaff(): boolean {
  const role: Role = useMe().role;
  return role !== 'user';
}
