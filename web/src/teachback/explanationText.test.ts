import { describe, expect, it } from 'vitest';
import { MAX_TEXT_LENGTH, textProblem } from './explanationText';

describe('textProblem', () => {
  it('asks for something besides spaces', () => {
    expect(textProblem('')).toBe('required');
    expect(textProblem(' \n\t ')).toBe('required');
    expect(textProblem('수집 목적을 알립니다.')).toBeNull();
  });

  it('takes up to 20,000 characters, as the service does', () => {
    expect(textProblem('가'.repeat(MAX_TEXT_LENGTH))).toBeNull();
    expect(textProblem('가'.repeat(MAX_TEXT_LENGTH + 1))).toBe('tooLong');
  });
});
