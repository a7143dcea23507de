import { describe, expect, it } from 'vitest';
import type { Me } from '../auth/useSession';
import { navigationFor } from './navigation';

const person = (...roles: string[]): Me => ({ userId: 'u', username: 'kim', email: 'kim@example.com', roles } as Me);

describe('navigationFor', () => {
  it('gives a platform admin the admin pages, and nobody else', () => {
    const admin = navigationFor(person('Admin', 'Visitor')).map((item) => item.to);
    expect(admin).toEqual(['/admin', '/admin/users', '/admin/institutions', '/admin/companies', '/admin/audit', '/admin/teachback', '/profile']);
    expect(navigationFor(person('InstitutionManager')).map((item) => item.to)).not.toContain('/admin/users');
    expect(navigationFor(person('Visitor')).map((item) => item.to)).not.toContain('/admin');
  });

  it('offers teach-back to those who practise: employees and visitors', () => {
    expect(navigationFor(person('Employee')).map((item) => item.to)).toContain('/teachback');
    expect(navigationFor(person('Visitor')).map((item) => item.to)).toContain('/teachback');
  });

  it('keeps it out of the consoles of managers and supervisors', () => {
    expect(navigationFor(person('InstitutionManager')).map((item) => item.to)).not.toContain('/teachback');
    expect(navigationFor(person('Visitor', 'CompanySupervisor')).map((item) => item.to)).not.toContain('/teachback');
  });

  it('gives institution managers the live studio, and nobody else', () => {
    expect(navigationFor(person('InstitutionManager')).map((item) => item.to)).toContain('/inst/live');
    expect(navigationFor(person('Employee')).map((item) => item.to)).not.toContain('/inst/live');
    expect(navigationFor(person('Visitor', 'CompanySupervisor')).map((item) => item.to)).not.toContain('/inst/live');
  });

  it('gives institution managers the provision inbox, and company supervisors the catalog and their provisions', () => {
    expect(navigationFor(person('InstitutionManager')).map((item) => item.to)).toContain('/inst/inbox');
    expect(navigationFor(person('Visitor', 'CompanySupervisor')).map((item) => item.to)).toEqual(expect.arrayContaining(['/corp/provisions', '/corp/catalog']));
    expect(navigationFor(person('Employee')).map((item) => item.to)).not.toContain('/corp/catalog');
    expect(navigationFor(person('CompanySupervisor')).map((item) => item.to)).not.toContain('/inst/inbox');
  });

  it('gives institution managers their boards and their institution’s profile', () => {
    const manager = navigationFor(person('InstitutionManager')).map((item) => item.to);
    expect(manager).toEqual(expect.arrayContaining(['/inst/boards', '/inst/profile']));
    expect(navigationFor(person('Employee')).map((item) => item.to)).not.toContain('/inst/boards');
    expect(navigationFor(person('Visitor', 'CompanySupervisor')).map((item) => item.to)).not.toContain('/inst/profile');
  });

  it('gives institution managers their courses, and nobody else', () => {
    expect(navigationFor(person('InstitutionManager')).map((item) => item.to)).toContain('/inst/courses');
    expect(navigationFor(person('Employee')).map((item) => item.to)).not.toContain('/inst/courses');
    expect(navigationFor(person('Visitor', 'CompanySupervisor')).map((item) => item.to)).not.toContain('/inst/courses');
  });
});

describe('the consoles in the menu', () => {
  it('opens the institution dashboard only on its own path', () => {
    const home = navigationFor(person('InstitutionManager')).find((item) => item.to === '/inst');
    expect(home).toMatchObject({ label: 'nav.instDashboard', end: true });
  });

  it('gives company supervisors their dashboard, profile and members, and nobody else', () => {
    const supervisor = navigationFor(person('Visitor', 'CompanySupervisor')).map((item) => item.to);
    expect(supervisor).toEqual(expect.arrayContaining(['/corp', '/corp/profile', '/corp/members']));
    expect(navigationFor(person('Employee')).map((item) => item.to)).not.toContain('/corp');
    expect(navigationFor(person('InstitutionManager')).map((item) => item.to)).not.toContain('/corp/members');
  });
});
