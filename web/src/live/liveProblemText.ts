import type { TFunction } from 'i18next';
import { ProblemError } from '../api/problem';
import { problemText } from '../common/problemText';

/** A refusal of the live routes in words: the live service's own problem types first, then the shared ones. */
export function liveProblemText(t: TFunction, error: unknown): string {
  if (error instanceof ProblemError) {
    const own = t(`live:problem.${error.kind}`, { defaultValue: '' });
    if (own) return own;
  }
  return problemText(t, error);
}
