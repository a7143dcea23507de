import { describe, expect, it } from 'vitest';
import { clockText, RECORDING_LIMIT_MS, RecordingClock, recordingLimitReached } from './recordingLimit';

describe('recordingLimitReached', () => {
  it('stops a second before the service\'s ten minutes', () => {
    expect(RECORDING_LIMIT_MS).toBe(599_000);
    expect(recordingLimitReached(598_999, 0)).toBeNull();
    expect(recordingLimitReached(599_000, 0)).toBe('time');
    expect(recordingLimitReached(650_000, 0)).toBe('time');
  });

  it('stops before the file outgrows the 50 MiB the service takes', () => {
    expect(recordingLimitReached(10_000, 48 * 1024 * 1024)).toBeNull();
    expect(recordingLimitReached(10_000, 49 * 1024 * 1024)).toBe('size');
  });
});

describe('RecordingClock', () => {
  it('counts recording time and leaves pauses out', () => {
    const clock = new RecordingClock();
    clock.start(1_000);
    expect(clock.elapsed(4_000)).toBe(3_000);
    clock.pause(4_000);
    expect(clock.elapsed(60_000)).toBe(3_000);
    clock.resume(60_000);
    expect(clock.elapsed(62_500)).toBe(5_500);
  });

  it('ignores a second pause or resume and starts again from nothing', () => {
    const clock = new RecordingClock();
    clock.start(0);
    clock.pause(1_000);
    clock.pause(5_000);
    clock.resume(6_000);
    clock.resume(9_000);
    expect(clock.elapsed(7_000)).toBe(2_000);
    clock.start(10_000);
    expect(clock.elapsed(10_500)).toBe(500);
  });
});

describe('clockText', () => {
  it('shows minutes and seconds', () => {
    expect(clockText(0)).toBe('0:00');
    expect(clockText(65_400)).toBe('1:05');
    expect(clockText(599_000)).toBe('9:59');
    expect(clockText(-20)).toBe('0:00');
  });
});
