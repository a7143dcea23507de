import { describe, expect, it } from 'vitest';
import { ProblemError } from '../../api/problem';
import { DECISION_RETRY, DecisionFailure, isRetryable, nextWait, sendWithRetries, type RetryProgress } from './retrySchedule';

const busy = (retryAfter?: number) => new ProblemError(503, { type: 'https://lms.example/problems/company-unavailable' }, retryAfter);

describe('nextWait', () => {
  it('waits as long as Retry-After says', () => {
    expect(nextWait(1, busy(5))).toBe(5);
    expect(nextWait(2, busy(3))).toBe(3);
  });

  it('waits at least a second, even when told zero', () => {
    expect(nextWait(1, busy(0))).toBe(1);
    expect(nextWait(1, busy(0.2))).toBe(1);
  });

  it('doubles from two seconds when no Retry-After came (a lost connection)', () => {
    const lost = new ProblemError(0, {});
    expect([1, 2, 3, 4].map((n) => nextWait(n, lost))).toEqual([2, 4, 8, 16]);
  });

  it('stops after the fifth attempt', () => {
    expect(nextWait(DECISION_RETRY.maxAttempts - 1, busy(5))).toBe(5);
    expect(nextWait(DECISION_RETRY.maxAttempts, busy(5))).toBeNull();
  });

  it('does not sit through a wait longer than a minute', () => {
    expect(nextWait(1, busy(60))).toBe(60);
    expect(nextWait(1, busy(61))).toBeNull();
  });

  it('never retries a refusal', () => {
    expect(nextWait(1, new ProblemError(409, {}))).toBeNull();
    expect(nextWait(1, new ProblemError(400, {}))).toBeNull();
    expect(nextWait(1, new Error('x'))).toBeNull();
    expect(isRetryable(new ProblemError(502, {}))).toBe(true);
    expect(isRetryable(new ProblemError(504, {}))).toBe(true);
  });
});

describe('sendWithRetries', () => {
  const instant = () => Promise.resolve();

  it('counts the seconds down between attempts, then answers with what the retry got', async () => {
    const answers: Array<() => Promise<string>> = [() => Promise.reject(busy(2)), () => Promise.resolve('applied')];
    const seen: RetryProgress[] = [];
    const result = await sendWithRetries(() => answers.shift()!(), { onProgress: (p) => seen.push(p), sleep: instant });
    expect(result).toBe('applied');
    expect(seen).toEqual([
      { phase: 'sending', attempt: 1 },
      { phase: 'waiting', attempt: 2, secondsLeft: 2 },
      { phase: 'waiting', attempt: 2, secondsLeft: 1 },
      { phase: 'sending', attempt: 2 },
    ]);
  });

  it('gives up after five attempts, saying so', async () => {
    let sent = 0;
    const failure = await sendWithRetries(() => { sent++; return Promise.reject(busy(1)); }, { onProgress: () => undefined, sleep: instant })
      .catch((error: unknown) => error);
    expect(sent).toBe(5);
    expect(failure).toBeInstanceOf(DecisionFailure);
    expect(failure).toMatchObject({ attempts: 5, exhausted: true });
  });

  it('hands a refusal back at once', async () => {
    let sent = 0;
    const failure = await sendWithRetries(() => { sent++; return Promise.reject(new ProblemError(409, {})); }, { onProgress: () => undefined, sleep: instant })
      .catch((error: unknown) => error);
    expect(sent).toBe(1);
    expect(failure).toMatchObject({ attempts: 1, exhausted: false });
  });

  it('stops waiting when the page is left', async () => {
    const controller = new AbortController();
    let sent = 0;
    const sleep = () => { controller.abort(); return Promise.reject(new DOMException('left', 'AbortError')); };
    await expect(sendWithRetries(() => { sent++; return Promise.reject(busy(3)); }, { onProgress: () => undefined, sleep, signal: controller.signal }))
      .rejects.toThrow('left');
    expect(sent).toBe(1);
  });
});
