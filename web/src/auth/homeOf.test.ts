import { describe, expect, it } from 'vitest';
import { homeOf, type Me } from './useSession';

const person = (...roles: string[]): Me => ({ userId: 'u', username: 'kim', email: 'kim@example.com', roles } as Me);

describe('homeOf', () => {
  it('opens each console on its dashboard', () => {
    expect(homeOf(person('InstitutionManager'))).toBe('/inst');
    expect(homeOf(person('Visitor', 'CompanySupervisor'))).toBe('/corp');
  });

  it('sends a platform admin to the admin pages, whatever else they hold', () => {
    expect(homeOf(person('Admin', 'Visitor'))).toBe('/admin');
  });

  it('keeps learners on their courses and visitors on onboarding', () => {
    expect(homeOf(person('Employee'))).toBe('/courses');
    expect(homeOf(person('Visitor'))).toBe('/onboarding');
  });
});
