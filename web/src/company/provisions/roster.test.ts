import { describe, expect, it } from 'vitest';
import { ProblemError } from '../../api/problem';
import { initialSelection, memberMatches, rosterRefusal, seatCount, toggle, type RosterProvision } from './roster';

const accepted: RosterProvision = { state: 'ACCEPTED', seats: 2, roster: [], pendingAdditions: [], consumedSeats: [] };
const registered: RosterProvision = { state: 'REGISTERED', seats: 4, roster: ['a', 'b'], pendingAdditions: ['c'], consumedSeats: ['x'] };

describe('seatCount', () => {
  it('counts every listed person before registration', () => {
    expect(seatCount(accepted, ['a', 'b', 'c'], new Set())).toMatchObject({ held: 3, left: -1 });
    expect(seatCount(accepted, ['a'], new Set())).toMatchObject({ held: 1, left: 1, additions: [], removals: [] });
  });

  it('after registration keeps the seats of learners who left with progress', () => {
    // a and b kept, x consumed earlier, c added: 4 of 4.
    expect(seatCount(registered, ['a', 'b', 'c'], new Set())).toMatchObject({ held: 4, left: 0, additions: ['c'], removals: [], consumed: 1 });
  });

  it('gives a seat back for a learner removed before making progress, but not after', () => {
    expect(seatCount(registered, ['a'], new Set())).toMatchObject({ held: 2, left: 2, removals: ['b'], consumed: 1 });
    expect(seatCount(registered, ['a'], new Set(['b']))).toMatchObject({ held: 3, left: 1, removals: ['b'], consumed: 2 });
  });

  it('counts a person chosen twice once', () => {
    expect(seatCount(accepted, ['a', 'a'], new Set())).toMatchObject({ held: 1 });
  });
});

describe('initialSelection', () => {
  it('is the registered roster followed by the pending additions', () => {
    expect(initialSelection(registered)).toEqual(['a', 'b', 'c']);
  });
});

describe('rosterRefusal', () => {
  const refusal = (errors: Record<string, string[]>) => new ProblemError(400, { errors });

  it('names the people the answer points at by their place in the list sent', () => {
    const result = rosterRefusal(refusal({
      userIds: ['The provision has 4 seats, counting learners who left after making progress; 1 additions do not fit.'],
      'userIds[2]': ['No seat is left for this person.'],
    }), ['a', 'b', 'c']);
    expect(result?.people).toEqual({ c: { problem: 'noSeat', message: 'No seat is left for this person.' } });
    expect(result?.general).toContain('4 seats');
  });

  it('tells duplicates and strangers apart', () => {
    const result = rosterRefusal(refusal({
      'userIds[1]': ['This person is listed twice.'],
      'userIds[2]': ['This person is not a member of your company.'],
    }), ['a', 'a', 'z']);
    expect(result?.people.z.problem).toBe('notMember');
    expect(result?.people.a.problem).toBe('duplicate');
  });

  it('puts a roster over the seats on the people the answer names beyond them', () => {
    const result = rosterRefusal(refusal({
      userIds: ['The provision has 2 seats; 3 people were listed.'],
      'userIds[2]': ['No seat is left for this person.'],
    }), ['a', 'b', 'c']);
    expect(Object.keys(result!.people)).toEqual(['c']);
    expect(result!.people.c.problem).toBe('noSeat');
  });

  it('is nothing for answers other than a 400', () => {
    expect(rosterRefusal(new ProblemError(409, {}), ['a'])).toBeNull();
    expect(rosterRefusal(new Error('x'), ['a'])).toBeNull();
  });
});

describe('memberMatches', () => {
  const kim = { userId: '1', name: '김하늘', email: 'Sky.Kim@corp.example', role: 'EMPLOYEE' };

  it('finds a part of a Korean name or of the email, Latin letters in any case', () => {
    expect(memberMatches(kim, '하늘')).toBe(true);
    expect(memberMatches(kim, 'sky.kim')).toBe(true);
    expect(memberMatches(kim, ' 김  corp ')).toBe(true);
    expect(memberMatches(kim, '이')).toBe(false);
    expect(memberMatches(kim, '')).toBe(true);
  });

  it('copes with a member whose name is not known', () => {
    expect(memberMatches({ ...kim, name: null }, 'sky')).toBe(true);
  });
});

describe('toggle', () => {
  it('appends a new choice at the end and takes off an existing one', () => {
    expect(toggle(['a', 'b'], 'c')).toEqual(['a', 'b', 'c']);
    expect(toggle(['a', 'b', 'c'], 'b')).toEqual(['a', 'c']);
  });
});
