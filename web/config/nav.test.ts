import { describe, expect, it } from 'vitest';
import { canOpen, homeFor, NAV, navFor } from './nav';
import { ROLES } from './roles';

describe('navigation by role', () => {
  it('shows each role only its pages', () => {
    const hrefs = (role: (typeof ROLES)[number]) => navFor(role).map((i) => i.href);
    expect(hrefs('root')).toEqual(NAV.filter((i) => i.href !== '/account').map((i) => i.href));
    expect(hrefs('admin')).toContain('/channels');
    expect(hrefs('sales')).toEqual([
      '/dashboard',
      '/customers',
      '/tokens',
      '/logs',
      '/playground',
      '/settings',
    ]);
    expect(hrefs('user')).toEqual(['/account', '/tokens', '/logs', '/playground', '/settings']);
  });

  it('guards pages and their sub-paths, refusing unknown paths', () => {
    expect(canOpen('sales', '/channels')).toBe(false);
    expect(canOpen('admin', '/channels')).toBe(true);
    expect(canOpen('sales', '/customers/12')).toBe(true);
    expect(canOpen('user', '/customers/12')).toBe(false);
    expect(canOpen('user', '/dashboard')).toBe(false);
    expect(canOpen('root', '/nowhere')).toBe(false);
    expect(canOpen('admin', '/channelsX')).toBe(false);
  });

  it('sends every role home to a page it may open', () => {
    for (const role of ROLES) expect(canOpen(role, homeFor(role))).toBe(true);
  });
});
