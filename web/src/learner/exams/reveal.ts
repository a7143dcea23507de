import type { components } from '../../api/generated/student';

type AttemptView = components['schemas']['AttemptView'];

/** The server leaves keys, accepted answers, explanations and points earned out unless the exam's rule reveals them. */
export function keysShown(attempt: AttemptView): boolean {
  return attempt.questions.some((q) => q.earned !== null || q.explanation !== null || q.acceptedAnswers !== null
    || q.options.some((o) => o.correct !== null));
}

export type RevealHint =
  | { kind: 'shown' }
  | { kind: 'never' }
  | { kind: 'after-close'; closesAt: string }
  | { kind: 'exam-never-closes' }
  | { kind: 'after-last-attempt' }
  | { kind: 'unknown' };

/**
 * What to tell a learner whose graded attempt came without keys: when (or whether) the exam's `answerKeyReveal`
 * would show them. The server decides; this only puts its rule into words.
 */
export function revealHint(answerKeyReveal: string | undefined, closesAt: string | null | undefined, attempt: AttemptView): RevealHint {
  if (keysShown(attempt)) return { kind: 'shown' };
  switch (answerKeyReveal) {
    case 'NEVER': return { kind: 'never' };
    case 'AFTER_SUBMISSION': return { kind: 'after-last-attempt' };
    case 'AFTER_CLOSE': return closesAt ? { kind: 'after-close', closesAt } : { kind: 'exam-never-closes' };
    default: return { kind: 'unknown' };
  }
}
