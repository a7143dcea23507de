import { describe, expect, it } from 'vitest';
import { addSample, bytesPerSecond, clockText, secondsLeft, sizeText } from './transferRate';

describe('addSample', () => {
  it('keeps the window and one sample before it as the starting point', () => {
    let samples = [{ at: 0, bytes: 0 }];
    samples = addSample(samples, { at: 2_000, bytes: 10 });
    samples = addSample(samples, { at: 6_000, bytes: 30 });
    samples = addSample(samples, { at: 9_000, bytes: 60 });
    expect(samples.map((s) => s.at)).toEqual([2_000, 6_000, 9_000]);
  });
});

describe('bytesPerSecond', () => {
  it('is the bytes sent over the time kept', () => {
    expect(bytesPerSecond([{ at: 1_000, bytes: 0 }, { at: 3_000, bytes: 4_000_000 }])).toBe(2_000_000);
  });

  it('is unknown before half a second has been measured', () => {
    expect(bytesPerSecond([{ at: 0, bytes: 0 }])).toBeNull();
    expect(bytesPerSecond([{ at: 0, bytes: 0 }, { at: 200, bytes: 1_000 }])).toBeNull();
  });

  it('follows a network that slowed down instead of the whole upload\'s average', () => {
    let samples = [{ at: 0, bytes: 0 }];
    samples = addSample(samples, { at: 10_000, bytes: 100_000_000 });
    samples = addSample(samples, { at: 15_000, bytes: 100_500_000 });
    samples = addSample(samples, { at: 20_000, bytes: 101_000_000 });
    expect(bytesPerSecond(samples)).toBe(100_000);
  });
});

describe('secondsLeft', () => {
  it('rounds up what is left at the current speed', () => {
    expect(secondsLeft(10_000_000, 3_000_000)).toBe(4);
    expect(secondsLeft(0, null)).toBe(0);
    expect(secondsLeft(5, null)).toBeNull();
    expect(secondsLeft(5, 0)).toBeNull();
  });
});

describe('sizeText and clockText', () => {
  it('read as a person expects', () => {
    expect(sizeText(512)).toBe('512 B');
    expect(sizeText(12_500_000)).toBe('12.5 MB');
    expect(sizeText(250_000_000)).toBe('250 MB');
    expect(clockText(65)).toBe('1:05');
    expect(clockText(3_723)).toBe('1:02:03');
  });
});
