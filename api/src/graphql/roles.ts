import type { UserRole } from '../modules/user/user.entity.js';

/**
 * Roles are ranked: each includes the rights of the ones below it (root ⊃ admin ⊃ sales ⊃ user).
 * `@Authorized(Role.X)` means "at least X"; `@Authorized()` means "signed in".
 */
export const Role = { ROOT: 'root', ADMIN: 'admin', SALES: 'sales', USER: 'user' } as const;

const RANK: Record<UserRole, number> = { user: 0, sales: 1, admin: 2, root: 3 };

export function hasRole(role: UserRole, atLeast: UserRole): boolean {
  return RANK[role] >= RANK[atLeast];
}

export function outranks(a: UserRole, b: UserRole): boolean {
  return RANK[a] > RANK[b];
}
