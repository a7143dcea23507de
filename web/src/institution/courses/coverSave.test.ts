import { describe, expect, it } from 'vitest';
import { ProblemError } from '../../api/problem';
import { withReadyRetry, worthRetrying } from './coverSave';

const notReady = new ProblemError(400, { errors: { coverFileId: ['The cover must be a ready image upload of this institution.'] } });

describe('worthRetrying', () => {
  it('retries only a refusal naming the freshly uploaded file alone, a few times', () => {
    expect(worthRetrying(notReady, 'coverFileId', 0)).toBe(true);
    expect(worthRetrying(notReady, 'coverFileId', 8)).toBe(false);
    expect(worthRetrying(new ProblemError(400, { errors: { coverFileId: ['x'], title: ['y'] } }), 'coverFileId', 0)).toBe(false);
    expect(worthRetrying(new ProblemError(409, {}), 'coverFileId', 0)).toBe(false);
    expect(worthRetrying(new ProblemError(400, { errors: { 'chapters[0].items[1].fileId': ['x'] } }), 'fileId', 0)).toBe(true);
  });
});

describe('withReadyRetry', () => {
  it('saves again until the service knows the file', async () => {
    let calls = 0;
    const saved = await withReadyRetry(async () => {
      calls++;
      if (calls < 3) throw notReady;
      return 'ok';
    }, 'coverFileId', async () => undefined);
    expect(saved).toBe('ok');
    expect(calls).toBe(3);
  });
});
