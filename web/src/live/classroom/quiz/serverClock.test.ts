import { describe, expect, it } from 'vitest';
import { nextTickMs, secondsLeft, serverOffsetMs } from './serverClock';

describe('the server\'s clock', () => {
  it('takes no offset when the device agrees with the server within the header\'s precision', () => {
    const sent = Date.parse('2026-12-08T01:00:00.200Z');
    expect(serverOffsetMs('Tue, 08 Dec 2026 01:00:00 GMT', sent, sent + 100)).toBe(0);
    expect(serverOffsetMs(null, sent, sent)).toBe(0);
    expect(serverOffsetMs('not a date', sent, sent)).toBe(0);
  });

  it('measures a device that runs behind or ahead', () => {
    const sent = Date.parse('2026-12-08T00:59:30.000Z');
    // The server said 01:00:00 while the device thought it was 00:59:30.1: thirty seconds behind.
    expect(serverOffsetMs('Tue, 08 Dec 2026 01:00:00 GMT', sent, sent + 200)).toBe(30_400);
    const ahead = Date.parse('2026-12-08T01:02:00.000Z');
    expect(serverOffsetMs('Tue, 08 Dec 2026 01:00:00 GMT', ahead, ahead)).toBe(-119_500);
  });
});

describe('the quiz countdown', () => {
  const endsAt = '2026-12-08T01:00:30.000Z';
  const at = (iso: string) => Date.parse(iso);

  it('counts whole seconds up, so the last second shows 1 and the end shows 0', () => {
    expect(secondsLeft(endsAt, at('2026-12-08T01:00:00.000Z'), 0)).toBe(30);
    expect(secondsLeft(endsAt, at('2026-12-08T01:00:29.500Z'), 0)).toBe(1);
    expect(secondsLeft(endsAt, at('2026-12-08T01:00:30.000Z'), 0)).toBe(0);
    expect(secondsLeft(endsAt, at('2026-12-08T01:01:00.000Z'), 0)).toBe(0);
  });

  it('reads the server\'s time for a device whose clock is off', () => {
    // The device is 10 s behind the server: at device time 01:00:00 the server is at 01:00:10.
    expect(secondsLeft(endsAt, at('2026-12-08T01:00:00.000Z'), 10_000)).toBe(20);
  });

  it('ticks on the boundary where the number changes and stops at the end', () => {
    expect(nextTickMs(endsAt, at('2026-12-08T01:00:00.250Z'), 0)).toBe(750);
    expect(nextTickMs(endsAt, at('2026-12-08T01:00:00.000Z'), 0)).toBe(1000);
    expect(nextTickMs(endsAt, at('2026-12-08T01:00:30.000Z'), 0)).toBeNull();
  });
});
