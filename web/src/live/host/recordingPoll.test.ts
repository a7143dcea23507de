import { describe, expect, it } from 'vitest';
import { recordingOverdue, recordingRefetch } from './recordingPoll';

const now = Date.parse('2026-12-08T02:00:00Z');
const ended = (minutesAgo: number, recording: string | null) =>
  ({ state: 'ENDED', endedAt: new Date(now - minutesAgo * 60_000).toISOString(), recording: recording ? { state: recording } : null });

describe('watching for the recording', () => {
  it('asks every 5 s while an ended session\'s recording is on its way', () => {
    expect(recordingRefetch(ended(1, null), now)).toBe(5_000);
    expect(recordingRefetch(ended(1, 'PROCESSING'), now)).toBe(5_000);
  });

  it('stops once it is ready or failed, before the end, and after a quarter of an hour without one', () => {
    expect(recordingRefetch(ended(1, 'READY'), now)).toBe(false);
    expect(recordingRefetch(ended(1, 'FAILED'), now)).toBe(false);
    expect(recordingRefetch({ state: 'LIVE', endedAt: null, recording: null }, now)).toBe(false);
    expect(recordingRefetch(ended(16, null), now)).toBe(false);
    expect(recordingRefetch(undefined, now)).toBe(false);
  });

  it('calls a missing recording overdue only after that quarter of an hour', () => {
    expect(recordingOverdue(ended(1, null), now)).toBe(false);
    expect(recordingOverdue(ended(16, null), now)).toBe(true);
    expect(recordingOverdue(ended(16, 'PROCESSING'), now)).toBe(false);
  });
});
