import { describe, expect, it } from 'vitest';
import { durationParts, formatPercent } from './format';

describe('progress and length in words', () => {
  it('rounds progress down to one decimal, within 0–100', () => {
    expect(formatPercent(89.96)).toBe('89.9');
    expect(formatPercent(45)).toBe('45');
    expect(formatPercent(100)).toBe('100');
    expect(formatPercent(120)).toBe('100');
    expect(formatPercent(-3)).toBe('0');
    expect(formatPercent(Number.NaN)).toBe('0');
  });

  it('splits a length into minutes and seconds', () => {
    expect(durationParts(725)).toEqual({ minutes: 12, seconds: 5 });
    expect(durationParts(59.6)).toEqual({ minutes: 1, seconds: 0 });
    expect(durationParts(0)).toEqual({ minutes: 0, seconds: 0 });
  });
});
