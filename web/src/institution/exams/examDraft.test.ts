import { describe, expect, it } from 'vitest';
import { changeKind, emptyExam, fromExam, markCorrect, move, newOption, newQuestion, toExamRequest, type Exam } from './examDraft';

const exam: Exam = {
  id: 'e1', courseId: 'c1', title: '수료 평가', description: '안내', kind: 'FINAL', timeLimitMinutes: 20, passScore: 60, attemptsAllowed: 2,
  opensAt: '2026-12-01T00:00:00Z', closesAt: '2026-12-10T14:59:00Z', shuffleQuestions: true, shuffleOptions: false, required: true, weight: 2,
  scoring: 'LAST', state: 'DRAFT', totalPoints: 50, createdAt: '', updatedAt: '', publishedAt: null, version: 3, answerKeyReveal: 'NEVER',
  questions: [
    { id: 'q1', position: 1, kind: 'SINGLE', text: '신고는?', points: 30, explanation: '즉시', answers: [],
      options: [{ id: 'o1', text: '즉시', correct: true }, { id: 'o2', text: '나중에', correct: false }] },
    { id: 'q2', position: 2, kind: 'SHORT', text: '줄임말은?', points: 20, explanation: null, answers: ['CPO', '씨피오'], options: [] },
  ],
};

describe('an exam as the form holds it', () => {
  it('goes back to the same request it came from, ids kept and the window in Korea time', () => {
    const draft = fromExam(exam);
    expect(draft.opensAt).toBe('2026-12-01T09:00');
    expect(draft.closesAt).toBe('2026-12-10T23:59');
    const request = toExamRequest(draft);
    expect(request).toMatchObject({
      title: '수료 평가', kind: 'FINAL', timeLimitMinutes: 20, passScore: 60, attemptsAllowed: 2, weight: 2, scoring: 'LAST',
      answerKeyReveal: 'NEVER', shuffleQuestions: true, opensAt: '2026-12-01T00:00:00.000Z', closesAt: '2026-12-10T14:59:00.000Z',
    });
    expect(request.questions[0]).toEqual({
      id: 'q1', kind: 'SINGLE', text: '신고는?', points: 30, explanation: '즉시', answers: null,
      options: [{ id: 'o1', text: '즉시', correct: true }, { id: 'o2', text: '나중에', correct: false }],
    });
    expect(request.questions[1]).toEqual({ id: 'q2', kind: 'SHORT', text: '줄임말은?', points: 20, explanation: null, answers: ['CPO', '씨피오'], options: null });
  });

  it('sends no window, no description and no explanation when they are empty, and trims the rest', () => {
    const draft = { ...emptyExam(), title: '  평가 ', questions: [{ ...newQuestion('MULTIPLE'), text: ' 고르세요 ', explanation: '  ' }] };
    const request = toExamRequest(draft);
    expect(request.title).toBe('평가');
    expect(request.description).toBeNull();
    expect(request.opensAt).toBeNull();
    expect(request.closesAt).toBeNull();
    expect(request.answerKeyReveal).toBe('AFTER_CLOSE');
    expect(request.questions[0]).toMatchObject({ id: null, text: '고르세요', explanation: null, answers: null });
    expect(request.questions[0].options).toHaveLength(2);
  });

  it('sends an emptied number as 0, for the server to name as out of range', () => {
    expect(toExamRequest({ ...emptyExam(), timeLimitMinutes: '' }).timeLimitMinutes).toBe(0);
  });
});

describe('changing a question’s kind', () => {
  it('keeps only the first correct mark when a multiple choice becomes a single choice', () => {
    const question = { ...newQuestion('MULTIPLE'), options: [newOption('가', false), newOption('나', true), newOption('다', true)] };
    expect(changeKind(question, 'SINGLE').options.map((o) => o.correct)).toEqual([false, true, false]);
  });

  it('turns the correct options into accepted answers for a short answer, and back into correct options', () => {
    const question = { ...newQuestion('SINGLE'), options: [newOption('서울', true), newOption('부산', false)] };
    const short = changeKind(question, 'SHORT');
    expect(short.options).toEqual([]);
    expect(short.answers.map((a) => a.text)).toEqual(['서울']);
    const back = changeKind(short, 'MULTIPLE');
    expect(back.answers).toEqual([]);
    expect(back.options.map((o) => [o.text, o.correct])).toEqual([['서울', true], ['', false]]);
  });

  it('gives a short answer one empty answer field when nothing carries over', () => {
    expect(changeKind(newQuestion('SINGLE'), 'SHORT').answers.map((a) => a.text)).toEqual(['']);
  });
});

describe('marking the correct option', () => {
  it('moves the one mark of a single choice and toggles those of a multiple choice', () => {
    const single = { ...newQuestion('SINGLE'), options: [newOption('가', true), newOption('나')] };
    expect(markCorrect(single, single.options[1].key, true).options.map((o) => o.correct)).toEqual([false, true]);
    const multiple = { ...newQuestion('MULTIPLE'), options: [newOption('가', true), newOption('나')] };
    expect(markCorrect(multiple, multiple.options[1].key, true).options.map((o) => o.correct)).toEqual([true, true]);
    expect(markCorrect(multiple, multiple.options[0].key, false).options.map((o) => o.correct)).toEqual([false, false]);
  });
});

describe('moving a question', () => {
  it('moves up and down and stops at the ends', () => {
    expect(move(['a', 'b', 'c'], 2, 1)).toEqual(['a', 'c', 'b']);
    expect(move(['a', 'b', 'c'], 0, 1)).toEqual(['b', 'a', 'c']);
    expect(move(['a', 'b', 'c'], 0, -1)).toEqual(['a', 'b', 'c']);
    expect(move(['a', 'b', 'c'], 2, 3)).toEqual(['a', 'b', 'c']);
  });
});
