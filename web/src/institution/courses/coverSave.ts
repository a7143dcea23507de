import { ProblemError } from '../../api/problem';

/**
 * The institution service learns that an upload is ready from the content service's event, so a cover saved the
 * moment its upload finished can be refused as "not a ready upload" for a second or two: that refusal alone is worth
 * another try, a few times.
 */
export function worthRetrying(error: unknown, field: string, attempt: number, attempts = 8): boolean {
  return attempt < attempts && error instanceof ProblemError && error.status === 400
    && Object.keys(error.errors).length > 0 && Object.keys(error.errors).every((key) => key.toLowerCase().endsWith(field.toLowerCase()));
}

export async function withReadyRetry<T>(save: () => Promise<T>, field: string, wait = (ms: number) => new Promise((r) => setTimeout(r, ms))): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await save();
    } catch (error) {
      if (!worthRetrying(error, field, attempt)) throw error;
      await wait(1000);
    }
  }
}
