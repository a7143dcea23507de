import { hasRole, type Me } from '../auth/useSession';

/** `end`: marked as the open page only on its own path, not under it (`/inst` is not open on `/inst/live`). */
export type NavItem = { to: string; label: string; end?: boolean };

/** The side menu per role; later consoles add their entries here. */
export function navigationFor(me: Me | null | undefined): NavItem[] {
  if (!me) return [];
  const items: NavItem[] = [];
  if (hasRole(me, 'Employee')) {
    items.push({ to: '/courses', label: 'nav.myCourses' }, { to: '/certificates', label: 'nav.certificates' });
  }
  if (hasRole(me, 'InstitutionManager')) {
    items.push(
      { to: '/inst', label: 'nav.instDashboard', end: true },
      { to: '/inst/courses', label: 'nav.instCourses' },
      { to: '/inst/inbox', label: 'nav.provisionInbox' },
      { to: '/inst/live', label: 'nav.liveStudio' },
      { to: '/inst/boards', label: 'nav.instBoards' },
      { to: '/inst/profile', label: 'nav.instProfile' },
    );
  }
  if (hasRole(me, 'CompanySupervisor')) {
    items.push(
      { to: '/corp', label: 'nav.corpDashboard', end: true },
      { to: '/corp/provisions', label: 'nav.provisions' },
      { to: '/corp/catalog', label: 'nav.catalog' },
      { to: '/corp/members', label: 'nav.corpMembers' },
      { to: '/corp/profile', label: 'nav.corpProfile' },
    );
  }
  if (hasRole(me, 'Admin')) {
    items.push(
      { to: '/admin', label: 'nav.adminHealth', end: true },
      { to: '/admin/users', label: 'nav.adminUsers' },
      { to: '/admin/institutions', label: 'nav.adminInstitutions' },
      { to: '/admin/companies', label: 'nav.adminCompanies' },
      { to: '/admin/audit', label: 'nav.adminAudit' },
      { to: '/admin/teachback', label: 'nav.adminCatalog' },
    );
  }
  const onlyVisitor = hasRole(me, 'Visitor') && !hasRole(me, 'Employee', 'CompanySupervisor', 'InstitutionManager', 'Admin');
  // Teach-back is for learners: employees, and visitors, who may practise the free catalog (and keep a finished course's).
  if (hasRole(me, 'Employee') || onlyVisitor) {
    items.push({ to: '/teachback', label: 'nav.teachback' });
  }
  if (onlyVisitor) {
    items.push({ to: '/onboarding', label: 'nav.onboarding' });
  }
  items.push({ to: '/profile', label: 'nav.profile' });
  return items;
}
