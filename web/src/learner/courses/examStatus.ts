import type { components } from '../../api/generated/student';

export type EnrollmentExam = components['schemas']['EnrollmentExam'];

export type ExamStatus = 'in-progress' | 'passed' | 'locked' | 'not-yet-open' | 'closed' | 'no-attempts' | 'available';

/**
 * What a learner can do with an exam now, in the order that matters to them: an attempt under way first (its clock is
 * running), a pass stays a pass, then the course-progress unlock, the exam's own window and the attempts left.
 */
export function examStatus(exam: EnrollmentExam, now: number): ExamStatus {
  if (exam.attemptInProgressId) return 'in-progress';
  if (exam.passed) return 'passed';
  if (!exam.unlocked) return 'locked';
  if (!exam.open) return exam.opensAt && Date.parse(exam.opensAt) > now ? 'not-yet-open' : 'closed';
  if (exam.attemptsUsed >= exam.attemptsAllowed) return 'no-attempts';
  return 'available';
}
