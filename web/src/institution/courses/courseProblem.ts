import type { TFunction } from 'i18next';
import { ProblemError } from '../../api/problem';
import { problemText } from '../../common/problemText';

// The institution service's course refusals that the shared words do not cover.
const OWN = ['course-state', 'course-empty', 'stale-structure', 'concurrent-change'];

/** A refusal of a course action in words: the course's own problem types first, then the shared ones. */
export function courseProblemText(t: TFunction, error: unknown): string {
  if (error instanceof ProblemError && OWN.includes(error.kind)) return t(`instCourses:problem.${error.kind}`);
  return problemText(t, error);
}
