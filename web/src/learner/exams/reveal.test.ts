import { describe, expect, it } from 'vitest';
import type { components } from '../../api/generated/student';
import { keysShown, revealHint } from './reveal';

type AttemptView = components['schemas']['AttemptView'];

const attempt = (revealed: boolean): AttemptView => ({
  id: 'a1', examId: 'e1', enrollmentId: 'en1', number: 1, state: 'GRADED', startedAt: '2026-12-08T01:00:00Z', deadline: '2026-12-08T01:20:00Z',
  answers: [], score: 70, passed: true, gradedAt: '2026-12-08T01:10:00Z', autoGraded: false,
  questions: [{
    id: 'q1', kind: 'SINGLE', text: '?', points: 10, acceptedAnswers: null,
    explanation: revealed ? '설명' : null, earned: revealed ? 10 : null,
    options: [{ id: 'o1', text: 'A', correct: revealed ? true : null }],
  }],
});

describe('answer keys', () => {
  it('are shown only when the server sent them', () => {
    expect(keysShown(attempt(true))).toBe(true);
    expect(keysShown(attempt(false))).toBe(false);
    expect(revealHint('NEVER', null, attempt(true))).toEqual({ kind: 'shown' });
  });

  it('put the exam rule into words when they are held back', () => {
    const held = attempt(false);
    expect(revealHint('NEVER', null, held)).toEqual({ kind: 'never' });
    expect(revealHint('AFTER_SUBMISSION', null, held)).toEqual({ kind: 'after-last-attempt' });
    expect(revealHint('AFTER_CLOSE', '2026-12-31T14:59:59Z', held)).toEqual({ kind: 'after-close', closesAt: '2026-12-31T14:59:59Z' });
    expect(revealHint('AFTER_CLOSE', null, held)).toEqual({ kind: 'exam-never-closes' });
    expect(revealHint('SOMETHING_NEW', null, held)).toEqual({ kind: 'unknown' });
    expect(revealHint(undefined, null, held)).toEqual({ kind: 'unknown' });
  });
});
