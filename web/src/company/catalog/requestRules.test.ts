import { describe, expect, it } from 'vitest';
import { addDays, defaultDates, earliestEnd, requestProblems } from './requestRules';

describe('dates of a request', () => {
  it('adds calendar days across months and years', () => {
    expect(addDays('2026-12-30', 3)).toBe('2027-01-02');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
  });

  it('counts both the begin and the end day in the period', () => {
    expect(earliestEnd('2026-12-01', 14)).toBe('2026-12-14');
    expect(earliestEnd('2026-12-01', 1)).toBe('2026-12-01');
  });

  it('starts tomorrow in Korea, for the course’s period', () => {
    expect(defaultDates('2026-12-31', 14)).toEqual({ beginDate: '2027-01-01', endDate: '2027-01-14' });
  });
});

describe('requestProblems', () => {
  const today = '2026-12-10';

  it('accepts a period as long as the course, beginning today', () => {
    expect(requestProblems({ beginDate: today, endDate: '2026-12-23', seats: 5 }, today, 14)).toEqual({});
  });

  it('refuses a begin date in the past (in Korea)', () => {
    expect(requestProblems({ beginDate: '2026-12-09', endDate: '2026-12-30', seats: 5 }, today, 14).beginDate).toBe('past');
  });

  it('refuses an end before the begin, and a period shorter than the course', () => {
    expect(requestProblems({ beginDate: '2026-12-20', endDate: '2026-12-19', seats: 5 }, today, 14).endDate).toBe('beforeBegin');
    expect(requestProblems({ beginDate: '2026-12-20', endDate: '2027-01-01', seats: 5 }, today, 14).endDate).toBe('tooShort');
  });

  it('asks for both dates', () => {
    expect(requestProblems({ beginDate: '', endDate: '', seats: 5 }, today, 14)).toEqual({ beginDate: 'required', endDate: 'required' });
  });

  it('takes 1 to 10,000 whole seats', () => {
    expect(requestProblems({ beginDate: today, endDate: '2026-12-30', seats: 0 }, today, 14).seats).toBe('seatsRange');
    expect(requestProblems({ beginDate: today, endDate: '2026-12-30', seats: 10_001 }, today, 14).seats).toBe('seatsRange');
    expect(requestProblems({ beginDate: today, endDate: '2026-12-30', seats: 2.5 }, today, 14).seats).toBe('seatsRange');
    expect(requestProblems({ beginDate: today, endDate: '2026-12-30', seats: '' }, today, 14).seats).toBe('seatsRange');
    expect(requestProblems({ beginDate: today, endDate: '2026-12-30', seats: 10_000 }, today, 14).seats).toBeUndefined();
  });
});
