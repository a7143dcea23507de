import { describe, expect, it } from 'vitest';
import { ProblemError } from '../../api/problem';
import { clampPosition, outcomeOf } from './useHeartbeats';

const problem = (status: number, type?: string, retryAfter?: number) =>
  new ProblemError(status, type ? { type: `https://lms.example/problems/${type}` } : {}, retryAfter);

describe('heartbeat answers', () => {
  it('retries a lost race and waits out a 429 as long as it asks', () => {
    expect(outcomeOf(problem(409, 'concurrent-progress'))).toEqual({ kind: 'conflict' });
    expect(outcomeOf(problem(429, 'heartbeat-too-frequent', 2))).toEqual({ kind: 'too-frequent', retryAfterMs: 2000 });
    expect(outcomeOf(problem(429, 'heartbeat-too-frequent'))).toEqual({ kind: 'too-frequent', retryAfterMs: undefined });
  });

  it('stops for refusals that will not change on this page', () => {
    expect(outcomeOf(problem(409, 'not-learning'))).toEqual({ kind: 'stop' });
    expect(outcomeOf(problem(409, 'video-not-measured'))).toEqual({ kind: 'stop' });
    expect(outcomeOf(problem(404))).toEqual({ kind: 'stop' });
  });

  it('tries again after a network or server failure', () => {
    expect(outcomeOf(problem(0))).toEqual({ kind: 'failed' });
    expect(outcomeOf(problem(503))).toEqual({ kind: 'failed' });
    expect(outcomeOf(new Error('boom'))).toEqual({ kind: 'failed' });
  });

  it('sends a position within the measured length, in milliseconds', () => {
    expect(clampPosition(12.34567, 60)).toBe(12.346);
    expect(clampPosition(60.04, 60)).toBe(60);
    expect(clampPosition(-0.1, 60)).toBe(0);
    expect(clampPosition(75, null)).toBe(75);
  });
});
