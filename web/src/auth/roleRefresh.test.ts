import { describe, expect, it } from 'vitest';
import { rolesOf } from './roleRefresh';

const token = (payload: object) => `h.${btoa(JSON.stringify(payload)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')}.s`;

describe('rolesOf', () => {
  it('reads one role or several from the access token', () => {
    expect(rolesOf(token({ role: 'Employee' }))).toEqual(['Employee']);
    expect(rolesOf(token({ role: ['Visitor', 'InstitutionManager'] }))).toEqual(['Visitor', 'InstitutionManager']);
  });

  it('finds no role in a token it cannot read', () => {
    expect(rolesOf(undefined)).toEqual([]);
    expect(rolesOf('not-a-token')).toEqual([]);
    expect(rolesOf('a.!!!.b')).toEqual([]);
  });
});
