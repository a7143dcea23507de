import { describe, expect, it } from 'vitest';
import { fromKoreaInput, timesProblem, toKoreaInput } from './koreaInput';

describe('session times in Korea time', () => {
  it('reads the field as Seoul wall-clock time', () => {
    expect(fromKoreaInput('2026-12-08T09:30')).toBe('2026-12-08T00:30:00.000Z');
    expect(fromKoreaInput('2026-12-08T08:00')).toBe('2026-12-07T23:00:00.000Z');
  });

  it('shows an instant as Seoul wall-clock time', () => {
    expect(toKoreaInput('2026-12-07T23:00:00Z')).toBe('2026-12-08T08:00');
  });

  it('refuses an incomplete field', () => {
    expect(fromKoreaInput('')).toBeNull();
    expect(fromKoreaInput('2026-12-08')).toBeNull();
    expect(fromKoreaInput('2026-12-08T9:30')).toBeNull();
  });

  it('names what is wrong with a start and an end', () => {
    const start = '2026-12-08T00:00:00.000Z';
    expect(timesProblem(null, start)).toBe('startRequired');
    expect(timesProblem(start, null)).toBe('endRequired');
    expect(timesProblem(start, start)).toBe('endBeforeStart');
    expect(timesProblem(start, '2026-12-08T12:01:00.000Z')).toBe('tooLong');
    expect(timesProblem(start, '2026-12-08T12:00:00.000Z')).toBeNull();
  });
});
