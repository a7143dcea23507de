import { describe, expect, it } from 'vitest';
import { ProblemError } from '../api/problem';
import { isFinal, nextPollDelay, pollPolicy, pollUntilFinal } from './polling';

describe('nextPollDelay', () => {
  it('waits as long as Retry-After says, never less than a second', () => {
    expect(nextPollDelay(3, 0, 0)).toBe(3_000);
    expect(nextPollDelay(20, 0, 0)).toBe(20_000);
    expect(nextPollDelay(0, 0, 0)).toBe(1_000);
  });

  it('without Retry-After waits the default, doubled for each failure in a row up to 30 s', () => {
    expect(nextPollDelay(undefined, 0, 0)).toBe(3_000);
    expect(nextPollDelay(undefined, 0, 2)).toBe(12_000);
    expect(nextPollDelay(undefined, 0, 6)).toBe(30_000);
  });

  it('gives up when the wait would pass the cap of three minutes', () => {
    expect(nextPollDelay(3, 177_000, 0)).toBe(3_000);
    expect(nextPollDelay(3, 177_001, 0)).toBeNull();
    expect(nextPollDelay(240, 0, 0)).toBeNull();
  });
});

describe('isFinal', () => {
  it('knows the four final statuses', () => {
    expect(['SUCCEEDED', 'NO_SPEECH', 'FAILED', 'TIMED_OUT'].every(isFinal)).toBe(true);
    expect(isFinal('PENDING')).toBe(false);
  });
});

/** A clock the fake sleep moves forward, so the loop's timing is checked without waiting. */
function fakeTime() {
  let now = 0;
  const waits: number[] = [];
  return {
    now: () => now,
    sleep: async (ms: number) => { waits.push(ms); now += ms; },
    waits,
  };
}

describe('pollUntilFinal', () => {
  it('asks again after each Retry-After until a final status', async () => {
    const time = fakeTime();
    const answers = [{ value: { status: 'PENDING' }, retryAfter: 3 }, { value: { status: 'PENDING' }, retryAfter: 5 }, { value: { status: 'NO_SPEECH' } }];
    const seen: string[] = [];
    const outcome = await pollUntilFinal(async () => answers.shift()!, { ...time, onUpdate: (v) => seen.push(v.status) });
    expect(outcome).toEqual({ kind: 'final', value: { status: 'NO_SPEECH' } });
    expect(time.waits).toEqual([3_000, 5_000]);
    expect(seen).toEqual(['PENDING', 'PENDING', 'NO_SPEECH']);
  });

  it('stops at the cap with the last answer instead of polling forever', async () => {
    const time = fakeTime();
    let asked = 0;
    const outcome = await pollUntilFinal(async () => { asked++; return { value: { status: 'PENDING' }, retryAfter: 3 }; }, time);
    expect(outcome).toEqual({ kind: 'capped', last: { status: 'PENDING' } });
    expect(asked).toBe(pollPolicy.capMs / 3_000 + 1);
    expect(time.now()).toBeLessThanOrEqual(pollPolicy.capMs);
  });

  it('waits out a busy or unreachable server, honouring its Retry-After', async () => {
    const time = fakeTime();
    const steps: (() => { value: { status: string }; retryAfter?: number })[] = [
      () => { throw new ProblemError(429, {}, 7); },
      () => { throw new ProblemError(0, {}); },
      () => { throw new ProblemError(503, {}); },
      () => ({ value: { status: 'SUCCEEDED' } }),
    ];
    const outcome = await pollUntilFinal(async () => steps.shift()!(), time);
    expect(outcome.kind).toBe('final');
    expect(time.waits).toEqual([7_000, 12_000, 24_000]);
  });

  it('ends at once on a refusal such as someone else\'s submission (404)', async () => {
    const time = fakeTime();
    const refusal = new ProblemError(404, {});
    const outcome = await pollUntilFinal(async () => { throw refusal; }, time);
    expect(outcome).toEqual({ kind: 'refused', error: refusal });
    expect(time.waits).toEqual([]);
  });

  it('stops asking when the page is left', async () => {
    const time = fakeTime();
    const leave = new AbortController();
    let asked = 0;
    const outcome = await pollUntilFinal(async () => {
      asked++;
      if (asked === 2) leave.abort();
      return { value: { status: 'PENDING' }, retryAfter: 3 };
    }, { ...time, signal: leave.signal });
    expect(outcome).toEqual({ kind: 'aborted' });
    expect(asked).toBe(2);
  });
});
