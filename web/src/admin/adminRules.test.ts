import { describe, expect, it } from 'vitest';
import { accountActions, filterParams, pageCount, readFilters, reasonProblem, ROLES, USER_STATES } from './adminRules';

describe('reasonProblem', () => {
  it('needs a reason that is not blank, at most 500 characters', () => {
    expect(reasonProblem('')).toBe('required');
    expect(reasonProblem('   \n')).toBe('required');
    expect(reasonProblem('스팸 게시')).toBeNull();
    expect(reasonProblem('가'.repeat(500))).toBeNull();
    expect(reasonProblem('가'.repeat(501))).toBe('tooLong');
  });
});

describe('accountActions', () => {
  const base = { id: 'a', state: 'ACTIVE', roles: ['Employee'] };
  it('offers nothing on one’s own account', () => {
    expect(accountActions(base, 'a')).toEqual([]);
  });
  it('suspends and grants an active account, reinstates a suspended one', () => {
    expect(accountActions(base, 'me')).toEqual(['suspend', 'grant-admin']);
    expect(accountActions({ ...base, state: 'SUSPENDED' }, 'me')).toEqual(['reinstate']);
    expect(accountActions({ ...base, state: 'UNCONFIRMED' }, 'me')).toEqual(['suspend']);
  });
  it('revokes the role when held, whatever the state', () => {
    expect(accountActions({ ...base, roles: ['Admin', 'Visitor'] }, 'me')).toEqual(['suspend', 'revoke-admin']);
    expect(accountActions({ ...base, state: 'SUSPENDED', roles: ['Admin'] }, 'me')).toEqual(['reinstate', 'revoke-admin']);
  });
});

describe('readFilters and filterParams', () => {
  it('lets only known values through', () => {
    const filters = readFilters(new URLSearchParams('q=kim&state=GONE&role=Admin&page=-2'), USER_STATES, ROLES);
    expect(filters).toEqual({ q: 'kim', state: '', role: 'Admin', page: 1 });
    expect(readFilters(new URLSearchParams('state=SUSPENDED&page=3'), USER_STATES).page).toBe(3);
    expect(readFilters(new URLSearchParams('page=2.5'), USER_STATES).page).toBe(1);
  });
  it('writes back only what is set', () => {
    expect(filterParams({ q: ' kim ', state: '', role: '', page: 1 })).toEqual({ q: 'kim' });
    expect(filterParams({ q: '', state: 'SUSPENDED', page: 2 })).toEqual({ state: 'SUSPENDED', page: '2' });
  });
  it('counts pages, at least one', () => {
    expect(pageCount(0)).toBe(1);
    expect(pageCount(20)).toBe(1);
    expect(pageCount(21)).toBe(2);
  });
});
