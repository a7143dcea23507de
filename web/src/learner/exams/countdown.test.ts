import { describe, expect, it } from 'vitest';
import { clockText, nextTickDelay, remainingSeconds, serverOffsetMs, shouldAnnounce, spokenMinutes, urgency } from './countdown';

const deadline = Date.parse('2026-12-08T01:20:00Z');

describe('the exam clock', () => {
  it('counts what is left from the deadline, rounding a started second up and never below zero', () => {
    expect(remainingSeconds(deadline, deadline - 300_000)).toBe(300);
    expect(remainingSeconds(deadline, deadline - 299_001)).toBe(300);
    expect(remainingSeconds(deadline, deadline - 1)).toBe(1);
    expect(remainingSeconds(deadline, deadline)).toBe(0);
    expect(remainingSeconds(deadline, deadline + 5_000)).toBe(0);
  });

  it('recomputes from the deadline, so a tab that slept shows the true time at once', () => {
    const before = remainingSeconds(deadline, deadline - 600_000);
    const afterSleep = remainingSeconds(deadline, deadline - 600_000 + 420_000);
    expect(before - afterSleep).toBe(420);
  });

  it('shows minutes and seconds, and hours for long exams', () => {
    expect(clockText(0)).toBe('00:00');
    expect(clockText(59)).toBe('00:59');
    expect(clockText(20 * 60)).toBe('20:00');
    expect(clockText(3600 + 62)).toBe('1:01:02');
  });

  it('speaks once a minute: the spoken minute changes only on whole minutes', () => {
    expect(spokenMinutes(300)).toBe(5);
    expect(spokenMinutes(299)).toBe(5);
    expect(spokenMinutes(241)).toBe(5);
    expect(spokenMinutes(240)).toBe(4);
    expect(spokenMinutes(1)).toBe(1);
    expect(spokenMinutes(0)).toBe(0);

    const announced: number[] = [];
    let last: number | null = null;
    for (let s = 300; s >= 0; s--) {
      if (shouldAnnounce(last, s)) {
        last = spokenMinutes(s);
        announced.push(s);
      }
    }
    // The first tick, then 4:00, 3:00, 2:00, 1:00 and the end: six announcements in five minutes, not 301.
    expect(announced).toEqual([300, 240, 180, 120, 60, 0]);
  });

  it('warns from five minutes and more strongly in the last one', () => {
    expect(urgency(301)).toBe('calm');
    expect(urgency(300)).toBe('soon');
    expect(urgency(60)).toBe('last-minute');
    expect(urgency(0)).toBe('over');
  });

  it('ticks just after each whole second of the remaining time', () => {
    expect(nextTickDelay(deadline, deadline - 10_250)).toBe(255);
    expect(nextTickDelay(deadline, deadline - 10_000)).toBe(1005);
    expect(nextTickDelay(deadline, deadline + 1)).toBe(1000);
  });

  it('corrects a device clock that is off, and leaves a close one alone', () => {
    const sent = Date.parse('2026-12-08T01:00:00.000Z');
    // The device is 3 minutes behind: the server said 01:03:00 while the device thought 01:00:00.2.
    expect(serverOffsetMs('Tue, 08 Dec 2026 01:03:00 GMT', sent, sent + 400)).toBe(180_300);
    expect(serverOffsetMs('Tue, 08 Dec 2026 01:00:00 GMT', sent, sent + 400)).toBe(0);
    expect(serverOffsetMs(null, sent, sent)).toBe(0);
    expect(serverOffsetMs('not a date', sent, sent)).toBe(0);
  });
});
