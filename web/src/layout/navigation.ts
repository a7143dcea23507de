import { hasRole, type Me } from '../auth/useSession';

export type NavItem = { to: string; label: string };

/** The side menu per role; later consoles add their entries here. */
export function navigationFor(me: Me | null | undefined): NavItem[] {
  if (!me) return [];
  const items: NavItem[] = [];
  if (hasRole(me, 'EMPLOYEE')) {
    items.push({ to: '/courses', label: 'nav.myCourses' }, { to: '/certificates', label: 'nav.certificates' });
  }
  if (hasRole(me, 'VISITOR') && !hasRole(me, 'EMPLOYEE', 'SUPERVISOR', 'MANAGER', 'ADMIN')) {
    items.push({ to: '/onboarding', label: 'nav.onboarding' });
  }
  items.push({ to: '/profile', label: 'nav.profile' });
  return items;
}
