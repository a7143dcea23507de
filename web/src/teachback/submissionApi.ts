import { api } from '../api/clients';
import { ProblemError, retryAfterSeconds } from '../api/problem';
import type { components } from '../api/generated/student';

export type Submission = components['schemas']['SubmissionView'];

/** One look at a submission with the server's `Retry-After`, which `call()` does not pass on for a success. */
export async function askSubmission(id: string, signal?: AbortSignal): Promise<{ value: Submission; retryAfter?: number }> {
  let result;
  try {
    result = await api.student.GET('/student/v1/teachbacks/{id}', { params: { path: { id } }, signal });
  } catch (error) {
    throw new ProblemError(0, { title: error instanceof Error ? error.message : 'network' });
  }
  const { data, error, response } = result;
  if (!response.ok || !data) {
    const body = typeof error === 'object' && error !== null ? (error as Record<string, unknown>) : {};
    throw new ProblemError(response.status, body, retryAfterSeconds(response));
  }
  return { value: data, retryAfter: retryAfterSeconds(response) };
}
