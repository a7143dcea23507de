import { describe, expect, it } from 'vitest';
import { draftProblems, emptyDraft, toRequest, withoutOption, type QuizDraft } from './quizDraft';

const draft = (change: Partial<QuizDraft> = {}): QuizDraft =>
  ({ question: ' 개인정보란? ', options: ['가', ' 나 ', '다'], correctOption: 1, solution: '', timeLimitSeconds: 30, ...change });

describe('a quiz draft', () => {
  it('is ready with a question, 2–6 filled options, a correct one and 5–600 seconds', () => {
    expect(draftProblems(draft())).toEqual([]);
    expect(draftProblems(emptyDraft())).toEqual(['question', 'options', 'correctOption']);
    expect(draftProblems(draft({ options: ['가', ''] }))).toEqual(['options']);
    expect(draftProblems(draft({ timeLimitSeconds: 4 }))).toEqual(['timeLimitSeconds']);
    expect(draftProblems(draft({ timeLimitSeconds: '' }))).toEqual(['timeLimitSeconds']);
    expect(draftProblems(draft({ timeLimitSeconds: 601 }))).toEqual(['timeLimitSeconds']);
  });

  it('is sent trimmed, with no solution rather than an empty one', () => {
    expect(toRequest(draft())).toEqual({ question: '개인정보란?', options: ['가', '나', '다'], correctOption: 1, solution: null, timeLimitSeconds: 30 });
  });

  it('keeps the correct option on its text when another option is removed', () => {
    expect(withoutOption(draft(), 0)).toMatchObject({ options: [' 나 ', '다'], correctOption: 0 });
    expect(withoutOption(draft(), 2)).toMatchObject({ options: ['가', ' 나 '], correctOption: 1 });
    expect(withoutOption(draft(), 1).correctOption).toBeNull();
    expect(withoutOption(draft({ options: ['가', '나'] }), 0).options).toEqual(['가', '나']);
  });
});
