import { describe, expect, it } from 'vitest';
import { levelOf } from './level';

const tone = (amplitude: number) => Array.from({ length: 512 }, (_, i) => 128 + Math.round(amplitude * 127 * Math.sin((i / 512) * 2 * Math.PI * 8)));

describe('levelOf', () => {
  it('shows nothing for silence or no samples', () => {
    expect(levelOf(new Array(512).fill(128))).toBe(0);
    expect(levelOf([])).toBe(0);
  });

  it('grows with loudness and stays within the bar', () => {
    const quiet = levelOf(tone(0.05));
    const speech = levelOf(tone(0.2));
    const loud = levelOf(tone(1));
    expect(quiet).toBeGreaterThan(0);
    expect(speech).toBeGreaterThan(quiet);
    expect(speech).toBeGreaterThan(0.4);
    expect(speech).toBeLessThan(0.7);
    expect(loud).toBeLessThanOrEqual(1);
    expect(levelOf(new Array(512).fill(255))).toBe(1);
  });
});
