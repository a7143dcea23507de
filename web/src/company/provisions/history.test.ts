import { describe, expect, it } from 'vitest';
import { historyNote, lastReturnReason, newestFirst, sideOf, type Transition } from './history';

const move = (from: string | null, to: string, reason: string | null = null, by: string | null = 'u', at = '2026-12-01T00:00:00Z'): Transition =>
  ({ from, to, reason, by, at });

describe('historyNote', () => {
  it('reads the service’s own notes', () => {
    expect(historyNote('roster amended: 1 removed, 2 awaiting the institution')).toEqual({ key: 'amended', removed: 1, added: 2 });
    expect(historyNote('roster amended: 3 removed')).toEqual({ key: 'amended', removed: 3, added: 0 });
    expect(historyNote('amendment approved: 2 added')).toEqual({ key: 'amendmentApproved', count: 2 });
    expect(historyNote('amendment returned: 좌석이 부족합니다')).toEqual({ key: 'amendmentReturned', reason: '좌석이 부족합니다' });
    expect(historyNote('begin date reached')).toEqual({ key: 'beginReached' });
    expect(historyNote('end date passed')).toEqual({ key: 'endPassed' });
    expect(historyNote('a learner left the company')).toEqual({ key: 'learnerLeft' });
  });

  it('keeps a person’s reason as written, and nothing for no reason', () => {
    expect(historyNote('이번 분기 일정이 꽉 찼습니다')).toEqual({ key: 'given', reason: '이번 분기 일정이 꽉 찼습니다' });
    expect(historyNote(null)).toBeNull();
    expect(historyNote('  ')).toBeNull();
  });
});

describe('sideOf', () => {
  it('gives each step to the side that may take it', () => {
    expect(sideOf(move(null, 'REQUESTED'))).toBe('company');
    expect(sideOf(move('REQUESTED', 'ACCEPTED'))).toBe('institution');
    expect(sideOf(move('REQUESTED', 'DECLINED', 'no'))).toBe('institution');
    expect(sideOf(move('REQUESTED', 'CANCELLED'))).toBe('company');
    expect(sideOf(move('ACCEPTED', 'ROSTER_SUBMITTED'))).toBe('company');
    expect(sideOf(move('ROSTER_SUBMITTED', 'ACCEPTED', 'fix it'))).toBe('institution');
    expect(sideOf(move('ROSTER_SUBMITTED', 'REGISTERED'))).toBe('institution');
    expect(sideOf(move('REGISTERED', 'REGISTERED', 'roster amended: 0 removed, 1 awaiting the institution'))).toBe('company');
    expect(sideOf(move('REGISTERED', 'REGISTERED', 'amendment approved: 1 added'))).toBe('institution');
    expect(sideOf(move('REGISTERED', 'IN_PROGRESS', 'begin date reached', null))).toBe('system');
  });
});

describe('newestFirst', () => {
  it('orders by time, the later entry first when two share a moment', () => {
    const a = move(null, 'REQUESTED', null, 'u', '2026-12-01T00:00:00Z');
    const b = move('REQUESTED', 'ACCEPTED', null, 'm', '2026-12-02T00:00:00Z');
    const c = move('ACCEPTED', 'ROSTER_SUBMITTED', null, 'u', '2026-12-02T00:00:00Z');
    expect(newestFirst([a, b, c])).toEqual([c, b, a]);
  });
});

describe('lastReturnReason', () => {
  it('is the reason of a roster just returned, and nothing otherwise', () => {
    const history = [move(null, 'REQUESTED'), move('REQUESTED', 'ACCEPTED'), move('ACCEPTED', 'ROSTER_SUBMITTED'), move('ROSTER_SUBMITTED', 'ACCEPTED', '인원을 줄여 주세요')];
    expect(lastReturnReason('ACCEPTED', history)).toBe('인원을 줄여 주세요');
    expect(lastReturnReason('ACCEPTED', history.slice(0, 2))).toBeNull();
    expect(lastReturnReason('ROSTER_SUBMITTED', history.slice(0, 3))).toBeNull();
  });
});
