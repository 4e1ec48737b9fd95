export const ROLES = ['root', 'admin', 'sales', 'user'] as const;
export type Role = (typeof ROLES)[number];

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

/** Staff manage other people's data; a `user` is a customer using the self-service view. */
export const STAFF: Role[] = ['root', 'admin', 'sales'];
export const ADMINS: Role[] = ['root', 'admin'];
