import { describe, expect, it } from 'vitest';
import { koreaClock } from './chatTime';

describe('chat times', () => {
  it('shows the time of day in Korea', () => {
    expect(koreaClock('2026-12-08T05:05:00Z', 'ko')).toBe('오후 2:05');
    expect(koreaClock('2026-12-08T15:30:00Z', 'en')).toBe('00:30');
  });
});
