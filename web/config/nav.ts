import {
  Activity,
  FlaskConical,
  KeyRound,
  LayoutDashboard,
  type LucideIcon,
  ScrollText,
  Server,
  Settings,
  Ticket,
  Users,
  Wallet,
  Tags,
} from 'lucide-react';
import { ADMINS, type Role, STAFF } from './roles';

export interface NavItem {
  href: string;
  /** i18n key of the label. */
  label: string;
  icon: LucideIcon;
  roles: readonly Role[];
}

const ALL: Role[] = ['root', 'admin', 'sales', 'user'];

/** The console's pages and who may open them; the sidebar and every page guard read this list. */
export const NAV: NavItem[] = [
  { href: '/dashboard', label: 'nav.dashboard', icon: LayoutDashboard, roles: STAFF },
  { href: '/account', label: 'nav.account', icon: Wallet, roles: ['user'] },
  { href: '/channels', label: 'nav.channels', icon: Server, roles: ADMINS },
  { href: '/groups', label: 'nav.groups', icon: Tags, roles: ADMINS },
  { href: '/customers', label: 'nav.customers', icon: Users, roles: STAFF },
  { href: '/tokens', label: 'nav.tokens', icon: KeyRound, roles: ALL },
  { href: '/logs', label: 'nav.logs', icon: Activity, roles: ALL },
  { href: '/playground', label: 'nav.playground', icon: FlaskConical, roles: ALL },
  { href: '/redemptions', label: 'nav.redemptions', icon: Ticket, roles: ADMINS },
  { href: '/audit', label: 'nav.audit', icon: ScrollText, roles: ADMINS },
  { href: '/settings', label: 'nav.settings', icon: Settings, roles: ALL },
];

export function navFor(role: Role): NavItem[] {
  return NAV.filter((item) => item.roles.includes(role));
}

/** Whether `role` may open `pathname` (the longest matching nav entry decides; unknown paths: no). */
export function canOpen(role: Role, pathname: string): boolean {
  const match = NAV.filter((i) => pathname === i.href || pathname.startsWith(`${i.href}/`)).sort(
    (a, b) => b.href.length - a.href.length,
  )[0];
  return match ? match.roles.includes(role) : false;
}

/** Where a role lands after signing in. */
export function homeFor(role: Role): string {
  return role === 'user' ? '/account' : '/dashboard';
}
