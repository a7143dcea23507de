import { ProblemError } from '../../api/problem';

/**
 * How a decision is retried when the company side cannot answer. The API says a retry is safe (the decision carries an
 * idempotency key), so the page retries by itself, visibly, a few times, then hands over to the person.
 */
export const DECISION_RETRY = {
  /** Attempts in all, the first included. */
  maxAttempts: 5,
  /** The wait when the answer gave no Retry-After (a lost connection): doubled each time from this. */
  fallbackSeconds: 2,
  minSeconds: 1,
  /** A longer wait than this is not sat through on a spinning page: the person decides when to try again. */
  maxSeconds: 60,
};

export type RetryPolicy = typeof DECISION_RETRY;

/** Answers that mean "the decision may not have been taken, ask again": the company side busy, or no answer at all. */
export function isRetryable(error: unknown): error is ProblemError {
  return error instanceof ProblemError && (error.status === 503 || error.status === 502 || error.status === 504 || error.status === 0);
}

/** Seconds to wait before the next attempt after `attemptsMade` failed with `error`, or null when the page stops trying. */
export function nextWait(attemptsMade: number, error: unknown, policy: RetryPolicy = DECISION_RETRY): number | null {
  if (!isRetryable(error) || attemptsMade >= policy.maxAttempts) return null;
  const asked = error.retryAfter ?? policy.fallbackSeconds * 2 ** (attemptsMade - 1);
  const wait = Math.max(policy.minSeconds, Math.ceil(asked));
  return wait > policy.maxSeconds ? null : wait;
}

export type RetryProgress =
  | { phase: 'sending'; attempt: number }
  | { phase: 'waiting'; attempt: number; secondsLeft: number };

/** The decision did not go through: the last answer, after how many attempts, and whether the page gave up retrying. */
export class DecisionFailure extends Error {
  constructor(readonly error: unknown, readonly attempts: number, readonly exhausted: boolean) {
    super('decision failed');
  }
}

type Options = {
  onProgress: (progress: RetryProgress) => void;
  signal?: AbortSignal;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  policy?: RetryPolicy;
};

/**
 * Sends, and on an answer worth retrying waits as asked, counting the seconds down for the page, then sends again; at
 * most `maxAttempts` in all. Anything else (a refusal, the cap reached) ends in a {@link DecisionFailure}.
 */
export async function sendWithRetries<T>(send: () => Promise<T>, { onProgress, signal, sleep = delay, policy = DECISION_RETRY }: Options): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    signal?.throwIfAborted();
    onProgress({ phase: 'sending', attempt });
    try {
      return await send();
    } catch (error) {
      const wait = nextWait(attempt, error, policy);
      if (wait === null) throw new DecisionFailure(error, attempt, isRetryable(error));
      for (let left = wait; left > 0; left--) {
        onProgress({ phase: 'waiting', attempt: attempt + 1, secondsLeft: left });
        await sleep(1000, signal);
      }
    }
  }
}

function delay(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => {
      clearTimeout(timer);
      reject(signal.reason);
    }, { once: true });
  });
}
