import type { TFunction } from 'i18next';
import { ProblemError } from '../api/problem';
import { problemText } from '../common/problemText';
import { ko } from './i18n';

/** A refusal of the live routes in words: the live service's own problem types first, then the shared ones. */
export function liveProblemText(t: TFunction, error: unknown): string {
  if (error instanceof ProblemError && error.kind in ko.problem) return t(`live:problem.${error.kind}`);
  return problemText(t, error);
}
