import { hasRole, outranks } from '../../graphql/roles.js';
import type { User } from './user.entity.js';

/**
 * Who may manage whom (their profile, tokens, balance, logs): oneself, and staff over users
 * ranked below them — sales over customers, admins over sales and customers, root over all.
 */
export function canManageUser(actor: Pick<User, 'id' | 'role'>, target: Pick<User, 'id' | 'role'>): boolean {
  if (actor.id === target.id) return true;
  if (actor.role === 'root') return true;
  return hasRole(actor.role, 'sales') && outranks(actor.role, target.role);
}

/** Roles an actor may give when creating or updating a user. */
export function assignableRoles(actor: Pick<User, 'role'>): User['role'][] {
  switch (actor.role) {
    case 'root':
      return ['admin', 'sales', 'user'];
    case 'admin':
      return ['sales', 'user'];
    case 'sales':
      return ['user'];
    default:
      return [];
  }
}
