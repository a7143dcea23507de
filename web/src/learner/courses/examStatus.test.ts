import { describe, expect, it } from 'vitest';
import { examStatus, type EnrollmentExam } from './examStatus';

const now = Date.parse('2026-12-07T10:00:00Z');
const exam = (overrides: Partial<EnrollmentExam>): EnrollmentExam => ({
  id: 'e', title: '수료 평가', description: '', kind: 'FINAL', timeLimitMinutes: 20, passScore: 60, attemptsAllowed: 2, attemptsUsed: 0,
  opensAt: null, closesAt: null, required: true, questionCount: 3, unlocked: true, unlockPercent: 80, open: true, score: null, passed: false,
  attemptInProgressId: null, answerKeyReveal: 'AFTER_CLOSE', ...overrides,
});

describe('exam status', () => {
  it('is available when unlocked, open and with attempts left', () => {
    expect(examStatus(exam({}), now)).toBe('available');
    expect(examStatus(exam({ attemptsUsed: 1, score: 40 }), now)).toBe('available');
  });

  it('waits for the course progress that unlocks it', () => {
    expect(examStatus(exam({ unlocked: false }), now)).toBe('locked');
  });

  it('tells a window not yet open from one that has closed', () => {
    expect(examStatus(exam({ open: false, opensAt: '2026-12-08T00:00:00Z' }), now)).toBe('not-yet-open');
    expect(examStatus(exam({ open: false, opensAt: '2026-12-01T00:00:00Z', closesAt: '2026-12-06T00:00:00Z' }), now)).toBe('closed');
  });

  it('puts an attempt under way and a pass before anything else', () => {
    expect(examStatus(exam({ attemptInProgressId: 'a', unlocked: false }), now)).toBe('in-progress');
    expect(examStatus(exam({ passed: true, score: 80, open: false, attemptsUsed: 2 }), now)).toBe('passed');
  });

  it('has nothing left once every attempt is used', () => {
    expect(examStatus(exam({ attemptsUsed: 2, score: 40 }), now)).toBe('no-attempts');
  });
});
