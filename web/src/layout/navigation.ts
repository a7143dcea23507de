import { hasRole, type Me } from '../auth/useSession';

export type NavItem = { to: string; label: string };

/** The side menu per role; later consoles add their entries here. */
export function navigationFor(me: Me | null | undefined): NavItem[] {
  if (!me) return [];
  const items: NavItem[] = [];
  if (hasRole(me, 'Employee')) {
    items.push({ to: '/courses', label: 'nav.myCourses' }, { to: '/certificates', label: 'nav.certificates' });
  }
  if (hasRole(me, 'Visitor') && !hasRole(me, 'Employee', 'CompanySupervisor', 'InstitutionManager', 'Admin')) {
    items.push({ to: '/onboarding', label: 'nav.onboarding' });
  }
  items.push({ to: '/profile', label: 'nav.profile' });
  return items;
}
