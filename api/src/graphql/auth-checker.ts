import type { AuthChecker } from 'type-graphql';
import { unauthenticated } from '../common/errors.js';
import type { UserRole } from '../modules/user/user.entity.js';
import type { GraphqlContext } from './context.js';
import { hasRole } from './roles.js';

/**
 * The one place that decides `@Authorized(...)` on operations and fields: no user →
 * UNAUTHENTICATED; otherwise the user's role must rank at least as high as the role named.
 * Ownership ("a user sees only its own tokens") is enforced by the services' scoping.
 */
export const authChecker: AuthChecker<GraphqlContext, UserRole> = ({ context }, roles) => {
  const user = context.user;
  if (!user) throw unauthenticated();
  if (roles.length === 0) return true;
  return roles.some((r) => hasRole(user.role, r));
};
