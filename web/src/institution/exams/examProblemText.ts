import type { TFunction } from 'i18next';
import { ProblemError } from '../../api/problem';
import { problemText } from '../../common/problemText';

/** A refusal of the exam routes in words: the exam rules' own problem types first, then the shared ones. */
export function examProblemText(t: TFunction, error: unknown): string {
  if (error instanceof ProblemError) {
    const own = t(`instExams:problem.${error.kind}`, { defaultValue: '' });
    if (own) return own;
  }
  return problemText(t, error);
}
