/**
 * The attempts this browser has seen, per person and exam. The API lists no attempts of mine, only the one in
 * progress, so a graded attempt (whose keys may appear later, e.g. once the exam closes) could not be found again
 * without this. Ids are not secrets, and another person's id only answers 404.
 */
const MAX_KEPT = 20;
const keyOf = (userId: string, examId: string) => `lms.exam-attempts.${userId}.${examId}`;

export function rememberedAttempts(storage: Storage | undefined, userId: string, examId: string): string[] {
  try {
    const parsed: unknown = JSON.parse(storage?.getItem(keyOf(userId, examId)) ?? '[]');
    return Array.isArray(parsed) ? parsed.filter((id): id is string => typeof id === 'string') : [];
  } catch {
    return [];
  }
}

/** Adds an attempt, newest first, keeping the latest twenty. */
export function rememberAttempt(storage: Storage | undefined, userId: string, examId: string, attemptId: string): void {
  const ids = [attemptId, ...rememberedAttempts(storage, userId, examId).filter((id) => id !== attemptId)].slice(0, MAX_KEPT);
  try {
    storage?.setItem(keyOf(userId, examId), JSON.stringify(ids));
  } catch {
    // Without storage the result of this attempt is still shown now; only finding it again later is lost.
  }
}
