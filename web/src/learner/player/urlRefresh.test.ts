import { describe, expect, it } from 'vitest';
import { MIN_REFRESH_MS, refreshDelayMs } from './urlRefresh';

describe('presigned URL refresh', () => {
  const expiresAt = '2026-12-07T10:05:00Z';

  it('asks again a minute before the URL ends, by the server’s clock', () => {
    expect(refreshDelayMs(expiresAt, 'Mon, 07 Dec 2026 10:00:00 GMT', Date.parse('2026-12-07T10:00:00Z'))).toBe(4 * 60_000);
  });

  it('is not fooled by a learner’s clock that runs ten minutes ahead or behind', () => {
    const server = 'Mon, 07 Dec 2026 10:00:00 GMT';
    expect(refreshDelayMs(expiresAt, server, Date.parse('2026-12-07T10:10:00Z'))).toBe(4 * 60_000);
    expect(refreshDelayMs(expiresAt, server, Date.parse('2026-12-07T09:50:00Z'))).toBe(4 * 60_000);
  });

  it('falls back to the local clock without a Date header, never sooner than the floor', () => {
    expect(refreshDelayMs(expiresAt, null, Date.parse('2026-12-07T10:02:00Z'))).toBe(2 * 60_000);
    expect(refreshDelayMs(expiresAt, null, Date.parse('2026-12-07T10:30:00Z'))).toBe(MIN_REFRESH_MS);
    expect(refreshDelayMs('not a date', 'also not', 0)).toBe(MIN_REFRESH_MS);
  });
});
