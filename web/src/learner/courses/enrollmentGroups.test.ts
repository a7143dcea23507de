import { describe, expect, it } from 'vitest';
import { groupEnrollments, periodPhase, type EnrollmentSummary } from './enrollmentGroups';

const enrollment = (id: string, state: string): EnrollmentSummary => ({
  id, state, courseId: 'c', courseProvideId: 'p', courseTitle: id, institutionName: 'i', beginDate: '2026-12-01', endDate: '2026-12-31', progressPercent: 0,
});

describe('my courses', () => {
  it('puts active courses first, then completed, then everything else, keeping the server’s order', () => {
    const groups = groupEnrollments([
      enrollment('a', 'COMPLETED'), enrollment('b', 'ACTIVE'), enrollment('c', 'CANCELLED'), enrollment('d', 'ACTIVE'), enrollment('e', 'SOMETHING_NEW'),
    ]);
    expect(groups.active.map((e) => e.id)).toEqual(['b', 'd']);
    expect(groups.completed.map((e) => e.id)).toEqual(['a']);
    expect(groups.other.map((e) => e.id)).toEqual(['c', 'e']);
  });

  it('counts the first and the last day as days of learning', () => {
    expect(periodPhase('2026-12-08', '2027-01-22', '2026-12-07')).toBe('upcoming');
    expect(periodPhase('2026-12-08', '2027-01-22', '2026-12-08')).toBe('open');
    expect(periodPhase('2026-12-08', '2027-01-22', '2027-01-22')).toBe('open');
    expect(periodPhase('2026-12-08', '2027-01-22', '2027-01-23')).toBe('over');
  });
});
