import { describe, expect, it } from 'vitest';
import type { Transition } from '../../company/provisions/history';
import { decisionReflected, decisionsFor } from './decisions';

const move = (from: string | null, to: string, reason: string | null = null): Transition =>
  ({ from, to, reason, by: 'm', at: '2026-12-01T00:00:00Z' });

describe('decisionsFor', () => {
  it('offers the decisions of each waiting state', () => {
    expect(decisionsFor('REQUESTED', 0)).toEqual(['accept', 'decline']);
    expect(decisionsFor('ROSTER_SUBMITTED', 0)).toEqual(['approve-roster', 'return-roster']);
    expect(decisionsFor('REGISTERED', 2)).toEqual(['approve-amendment', 'return-amendment']);
    expect(decisionsFor('IN_PROGRESS', 1)).toEqual(['approve-amendment', 'return-amendment']);
  });

  it('offers nothing when nothing waits', () => {
    expect(decisionsFor('REGISTERED', 0)).toEqual([]);
    expect(decisionsFor('ACCEPTED', 0)).toEqual([]);
    expect(decisionsFor('FINISHED', 3)).toEqual([]);
  });
});

describe('decisionReflected', () => {
  const requested = [move(null, 'REQUESTED')];

  it('finds the decision among the entries added since it was taken', () => {
    expect(decisionReflected('accept', 1, [...requested, move('REQUESTED', 'ACCEPTED')])).toBe(true);
    expect(decisionReflected('decline', 1, [...requested, move('REQUESTED', 'ACCEPTED')])).toBe(false);
  });

  it('does not count what was already there', () => {
    const history = [...requested, move('REQUESTED', 'ACCEPTED'), move('ACCEPTED', 'ROSTER_SUBMITTED'), move('ROSTER_SUBMITTED', 'ACCEPTED', 'x')];
    expect(decisionReflected('return-roster', 4, history)).toBe(false);
    expect(decisionReflected('return-roster', 3, history)).toBe(true);
  });

  it('recognises the amendment decisions by their notes', () => {
    expect(decisionReflected('approve-amendment', 0, [move('REGISTERED', 'REGISTERED', 'amendment approved: 2 added')])).toBe(true);
    expect(decisionReflected('return-amendment', 0, [move('REGISTERED', 'REGISTERED', 'amendment returned: 좌석 부족')])).toBe(true);
    expect(decisionReflected('approve-amendment', 0, [move('REGISTERED', 'REGISTERED', 'roster amended: 0 removed, 1 awaiting the institution')])).toBe(false);
  });
});
