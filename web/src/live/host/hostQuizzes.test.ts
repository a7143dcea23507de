import { describe, expect, it } from 'vitest';
import { hostQuizzes, openQuiz, readStoredQuizzes, storeQuizzes, type HostQuiz, type HostQuizAction } from './hostQuizzes';

const prepared = {
  id: 'q1', sessionId: 's', question: '개인정보란?', options: ['가', '나', '다'], correctOption: 2, solution: '풀이', timeLimitSeconds: 30,
  state: 'PREPARED', endsAt: null,
};
const run = (actions: HostQuizAction[], from: HostQuiz[] = []) => actions.reduce(hostQuizzes, from);

describe('the host\'s quizzes', () => {
  it('follows a prepared quiz through push, tallies and close', () => {
    const list = run([
      { type: 'saved', quiz: prepared },
      { type: 'saved', quiz: { ...prepared, state: 'OPEN', endsAt: '2026-12-08T01:00:30Z' } },
      { type: 'tally', event: { quizId: 'q1', counts: [1, 0, 2] } },
    ]);
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ state: 'OPEN', counts: [1, 0, 2], correctOption: 2 });
    expect(openQuiz(list)?.id).toBe('q1');
    const closed = run([{ type: 'closed', event: { quizId: 'q1', correctOption: 2, solution: null, counts: [1, 1, 2] } }], list);
    expect(closed[0]).toMatchObject({ state: 'CLOSED', counts: [1, 1, 2], solution: '풀이' });
    expect(openQuiz(closed)).toBeNull();
  });

  it('takes in a quiz pushed from another window, its answer read from the results', () => {
    const list = run([
      { type: 'started', event: { quizId: 'q9', question: '질문', options: ['예', '아니오'], endsAt: '2026-12-08T01:00:30Z' } },
    ]);
    expect(list[0]).toMatchObject({ state: 'OPEN', correctOption: null, counts: [0, 0] });
    const read = run([{ type: 'results', results: { quizId: 'q9', state: 'OPEN', correctOption: 1, counts: [3, 4], answers: [] } }], list);
    expect(read[0]).toMatchObject({ correctOption: 1, counts: [3, 4] });
  });

  it('never reopens a closed quiz when a rejoin announces it late, and ignores a tally after the close', () => {
    const closed = run([
      { type: 'saved', quiz: { ...prepared, state: 'CLOSED' } },
      { type: 'started', event: { quizId: 'q1', question: '개인정보란?', options: ['가', '나', '다'], endsAt: '2026-12-08T01:00:30Z' } },
      { type: 'tally', event: { quizId: 'q1', counts: [9, 9, 9] } },
    ]);
    expect(closed[0].state).toBe('CLOSED');
    expect(closed[0].counts).toEqual([0, 0, 0]);
  });

  it('keeps the desk in the window\'s storage and shrugs off what it cannot read', () => {
    const store = new Map<string, string>();
    const storage = { getItem: (key: string) => store.get(key) ?? null, setItem: (key: string, value: string) => void store.set(key, value) };
    const list = run([{ type: 'saved', quiz: prepared }]);
    storeQuizzes(storage, 's', list);
    expect(readStoredQuizzes(storage, 's')).toEqual(list);
    expect(readStoredQuizzes(storage, 'other')).toEqual([]);
    store.set('lms.live.quizzes.bad', '{not json');
    expect(readStoredQuizzes(storage, 'bad')).toEqual([]);
    store.set('lms.live.quizzes.odd', JSON.stringify([{ id: 1 }, list[0]]));
    expect(readStoredQuizzes(storage, 'odd')).toEqual(list);
  });
});
