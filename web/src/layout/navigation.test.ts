import { describe, expect, it } from 'vitest';
import type { Me } from '../auth/useSession';
import { navigationFor } from './navigation';

const person = (...roles: string[]): Me => ({ userId: 'u', username: 'kim', email: 'kim@example.com', roles } as Me);

describe('navigationFor', () => {
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
