import { ProblemError, retryAfterSeconds } from './problem';

type FetchResult<T> = { data?: T; error?: unknown; response: Response };

/**
 * Awaits an openapi-fetch call and gives its data, or throws a {@link ProblemError} carrying the problem details and
 * `Retry-After`. A failed connection becomes status 0, kind `network`.
 */
export async function call<T>(request: Promise<FetchResult<T>>): Promise<T> {
  let result: FetchResult<T>;
  try {
    result = await request;
  } catch (error) {
    throw new ProblemError(0, { title: error instanceof Error ? error.message : 'network' });
  }
  const { data, error, response } = result;
  if (!response.ok) {
    const body = typeof error === 'object' && error !== null ? (error as Record<string, unknown>) : {};
    throw new ProblemError(response.status, body, retryAfterSeconds(response));
  }
  return data as T;
}
