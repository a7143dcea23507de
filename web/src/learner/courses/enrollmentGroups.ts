import type { components } from '../../api/generated/student';

export type EnrollmentSummary = components['schemas']['EnrollmentSummary'];

export type EnrollmentGroups = { active: EnrollmentSummary[]; completed: EnrollmentSummary[]; other: EnrollmentSummary[] };

/** "My courses" shows what is being learned first, then what is done, then the rest (cancelled, or a state added later). */
export function groupEnrollments(items: EnrollmentSummary[]): EnrollmentGroups {
  const groups: EnrollmentGroups = { active: [], completed: [], other: [] };
  for (const item of items) {
    if (item.state === 'ACTIVE') groups.active.push(item);
    else if (item.state === 'COMPLETED') groups.completed.push(item);
    else groups.other.push(item);
  }
  return groups;
}

export type PeriodPhase = 'upcoming' | 'open' | 'over';

/** Where today (a Korean calendar date, `YYYY-MM-DD`) falls in a course's period; both ends are days of learning. */
export function periodPhase(beginDate: string, endDate: string, today: string): PeriodPhase {
  if (today < beginDate) return 'upcoming';
  if (today > endDate) return 'over';
  return 'open';
}
