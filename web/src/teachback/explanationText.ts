/** The student service's limit for a typed explanation (`TeachbackSubmission.MaxTextLength`). */
export const MAX_TEXT_LENGTH = 20_000;

/** What is wrong with a typed explanation before it is sent, as the service would say: nothing but spaces, or too long. */
export function textProblem(text: string): 'required' | 'tooLong' | null {
  if (!text.trim()) return 'required';
  if (text.length > MAX_TEXT_LENGTH) return 'tooLong';
  return null;
}
