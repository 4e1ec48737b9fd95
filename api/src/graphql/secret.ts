import { Authorized, Extensions } from 'type-graphql';
import type { UserRole } from '../modules/user/user.entity.js';

/**
 * Marks a field as secret: only `role` and above may read it (decided by the authChecker), and
 * the schema carries `extensions.secret` so the authorization matrix test finds every such
 * field without a list to keep in sync.
 */
export function Secret(role: UserRole): MethodDecorator & PropertyDecorator {
  return (target: object, key: string | symbol, descriptor?: PropertyDescriptor) => {
    Extensions({ secret: true, minRole: role })(target, key, descriptor as TypedPropertyDescriptor<unknown>);
    Authorized(role)(target, key, descriptor as TypedPropertyDescriptor<unknown>);
  };
}
