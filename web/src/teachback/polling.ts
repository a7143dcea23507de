import { ProblemError } from '../api/problem';

/** The statuses a submission ends in; PENDING is the only other. */
export const FINAL_STATUSES = ['SUCCEEDED', 'NO_SPEECH', 'FAILED', 'TIMED_OUT'] as const;
export type FinalStatus = (typeof FINAL_STATUSES)[number];

export function isFinal(status: string): status is FinalStatus {
  return (FINAL_STATUSES as readonly string[]).includes(status);
}

export type PollPolicy = {
  /** How long the page keeps asking before it says the result will come later. */
  capMs: number;
  /** The wait when the answer names none. */
  defaultDelayMs: number;
  /** Never sooner than this, whatever the answer says (`Retry-After: 0` must not turn into a tight loop). */
  minDelayMs: number;
  /** The longest wait after failures in a row that named no wait. */
  maxBackoffMs: number;
};

/**
 * Three minutes: the service's sweeper ends a submission still PENDING after ten (TIMED_OUT), and nobody watches a
 * spinner that long; after the cap the page says so and the result stays in the history.
 */
export const pollPolicy: PollPolicy = { capMs: 3 * 60_000, defaultDelayMs: 3_000, minDelayMs: 1_000, maxBackoffMs: 30_000 };

/**
 * The wait before asking again: the server's `Retry-After` when it gave one (never sooner), else the default, doubled
 * for each failure in a row. `null` when that wait would take the polling past its cap.
 */
export function nextPollDelay(retryAfterSeconds: number | undefined, elapsedMs: number, failuresInRow: number, policy: PollPolicy = pollPolicy): number | null {
  const delay = retryAfterSeconds !== undefined
    ? Math.max(policy.minDelayMs, retryAfterSeconds * 1000)
    : Math.min(policy.maxBackoffMs, policy.defaultDelayMs * 2 ** failuresInRow);
  return elapsedMs + delay > policy.capMs ? null : delay;
}

export type PollOutcome<T> =
  | { kind: 'final'; value: T }
  | { kind: 'capped'; last?: T }
  | { kind: 'refused'; error: unknown }
  | { kind: 'aborted' };

type Answer<T> = { value: T; retryAfter?: number };

type PollOptions<T> = {
  policy?: PollPolicy;
  now?: () => number;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  onUpdate?: (value: T) => void;
  signal?: AbortSignal;
};

/**
 * Asks until the submission reaches a final status, honouring each answer's `Retry-After`, and stops at the cap. A
 * busy or unreachable server (429, 5xx, no connection) is waited out; any other refusal (404) ends the polling.
 */
export async function pollUntilFinal<T extends { status: string }>(ask: () => Promise<Answer<T>>, options: PollOptions<T> = {}): Promise<PollOutcome<T>> {
  const { policy = pollPolicy, now = Date.now, sleep = sleepFor, onUpdate, signal } = options;
  const start = now();
  let last: T | undefined;
  let failures = 0;
  for (;;) {
    if (signal?.aborted) return { kind: 'aborted' };
    let retryAfter: number | undefined;
    try {
      const answer = await ask();
      if (signal?.aborted) return { kind: 'aborted' };
      last = answer.value;
      onUpdate?.(answer.value);
      if (isFinal(answer.value.status)) return { kind: 'final', value: answer.value };
      retryAfter = answer.retryAfter;
      failures = 0;
    } catch (error) {
      if (signal?.aborted) return { kind: 'aborted' };
      if (!isPassing(error)) return { kind: 'refused', error };
      retryAfter = error.retryAfter;
      failures += 1;
    }
    const delay = nextPollDelay(retryAfter, now() - start, retryAfter === undefined ? failures : 0, policy);
    if (delay === null) return { kind: 'capped', last };
    await sleep(delay, signal);
  }
}

/** A failure worth waiting out rather than reporting at once. */
function isPassing(error: unknown): error is ProblemError {
  return error instanceof ProblemError && (error.status === 0 || error.status === 429 || error.status >= 500);
}

export function sleepFor(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', done, { once: true });
    function done() {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    }
  });
}
