import { describe, expect, it } from 'vitest';
import { ProblemError } from '../api/problem';
import { recordingWaitsMs, submitWhenReady } from './submitRetry';

const notFound = () => new ProblemError(404, { type: 'https://lms.example/problems/not-found' });

describe('submitWhenReady', () => {
  it('asks again while a fresh recording is not yet known to the student service', async () => {
    const waits: number[] = [];
    let asked = 0;
    const result = await submitWhenReady(async () => {
      asked++;
      if (asked < 3) throw notFound();
      return { id: 'x', status: 'PENDING' };
    }, true, async (ms) => { waits.push(ms); });
    expect(result).toEqual({ id: 'x', status: 'PENDING' });
    expect(waits).toEqual([500, 1_000]);
  });

  it('gives up after about half a minute of waiting', async () => {
    const waits: number[] = [];
    await expect(submitWhenReady(async () => { throw notFound(); }, true, async (ms) => { waits.push(ms); })).rejects.toBeInstanceOf(ProblemError);
    expect(waits).toEqual(recordingWaitsMs);
    expect(waits.reduce((a, b) => a + b, 0)).toBe(30_000);
  });

  it('reports a typed explanation\'s 404 and every other refusal at once', async () => {
    const waits: number[] = [];
    await expect(submitWhenReady(async () => { throw notFound(); }, false, async (ms) => { waits.push(ms); })).rejects.toMatchObject({ status: 404 });
    const quota = new ProblemError(429, { type: 'https://lms.example/problems/teachback-quota-exhausted' }, 3600);
    await expect(submitWhenReady(async () => { throw quota; }, true, async (ms) => { waits.push(ms); })).rejects.toBe(quota);
    expect(waits).toEqual([]);
  });
});
