import { describe, expect, it } from 'vitest';
import type { LeaderboardEvent, QuizStartedEvent } from '../hub/hubTypes';
import { canAnswer, learnerQuiz, noQuiz, shares, type LearnerQuiz, type QuizAction } from './learnerQuiz';

const quiz = (id = 'q1'): QuizStartedEvent => ({ quizId: id, question: '개인정보란?', options: ['가', '나', '다'], endsAt: '2026-12-08T01:00:30Z' });
const run = (actions: QuizAction[], from: LearnerQuiz = noQuiz) => actions.reduce(learnerQuiz, from);

describe('the learner\'s quiz', () => {
  it('takes one answer: the options close as soon as it is sent', () => {
    const state = run([{ type: 'started', quiz: quiz() }, { type: 'answering', option: 1 }, { type: 'answering', option: 2 }]);
    expect(state.card?.answer).toEqual({ option: 1, status: 'sending' });
    expect(canAnswer(state.card!, 10)).toBe(false);
    expect(run([{ type: 'answered' }], state).card?.answer).toEqual({ option: 1, status: 'accepted' });
  });

  it('opens the options again when an answer is refused for a reason other than an earlier answer', () => {
    const state = run([{ type: 'started', quiz: quiz() }, { type: 'answering', option: 0 }, { type: 'refused', refusal: 'too-many-answers' }]);
    expect(state.card?.answer).toBeNull();
    expect(state.card?.refusal).toBe('too-many-answers');
    expect(canAnswer(state.card!, 10)).toBe(true);
    expect(canAnswer(state.card!, 0)).toBe(false);
  });

  it('remembers an answer given before a reload without claiming which option it was', () => {
    const state = run([{ type: 'started', quiz: quiz() }, { type: 'answering', option: 2 }, { type: 'refused', refusal: 'quiz-already-answered' }]);
    expect(state.card?.answer).toEqual({ option: null, status: 'earlier' });
    expect(canAnswer(state.card!, 10)).toBe(false);
  });

  it('shows the reveal of its own quiz only', () => {
    const started = run([{ type: 'started', quiz: quiz() }, { type: 'answering', option: 1 }, { type: 'answered' }]);
    expect(run([{ type: 'closed', reveal: { quizId: 'other', correctOption: 0, solution: null, counts: [1, 0, 0] } }], started).card?.reveal).toBeNull();
    const revealed = run([{ type: 'closed', reveal: { quizId: 'q1', correctOption: 1, solution: '풀이', counts: [2, 5, 1] } }], started);
    expect(revealed.card?.reveal?.correctOption).toBe(1);
    expect(revealed.card?.answer?.option).toBe(1);
  });

  it('keeps the answer when a rejoin brings the same open quiz again, and starts afresh for the next one', () => {
    const answered = run([{ type: 'started', quiz: quiz() }, { type: 'answering', option: 1 }, { type: 'answered' }]);
    const rejoined = run([{ type: 'replayStarted' }, { type: 'started', quiz: quiz() }, { type: 'replayFinished' }], answered);
    expect(rejoined.card?.answer?.option).toBe(1);
    expect(rejoined.card?.missedClose).toBe(false);
    expect(run([{ type: 'started', quiz: quiz('q2') }], rejoined).card?.answer).toBeNull();
  });

  it('knows the quiz closed while away when a rejoin does not bring it again', () => {
    const open = run([{ type: 'started', quiz: quiz() }]);
    const rejoined = run([{ type: 'replayStarted' }, { type: 'replayFinished' }], open);
    expect(rejoined.card?.missedClose).toBe(true);
    expect(canAnswer(rejoined.card!, 10)).toBe(false);
  });

  it('leaves an open quiz alone when a rejoin fails half-way', () => {
    const open = run([{ type: 'started', quiz: quiz() }]);
    expect(run([{ type: 'replayStarted' }, { type: 'replayAbandoned' }], open).card?.missedClose).toBe(false);
  });

  it('keeps the latest leaderboard of each scope', () => {
    const board = (scope: LeaderboardEvent['scope'], correct: number): LeaderboardEvent =>
      ({ sessionId: 's', scope, entries: [{ rank: 1, name: '사원0', correct, answerMs: 1200 }], me: null });
    const state = run([{ type: 'leaderboard', board: board('session', 1) }, { type: 'leaderboard', board: board('provision', 3) }, { type: 'leaderboard', board: board('session', 2) }]);
    expect(state.boards.session?.entries[0].correct).toBe(2);
    expect(state.boards.provision?.entries[0].correct).toBe(3);
  });

  it('gives each option its share of the answers', () => {
    expect(shares([1, 3, 0])).toEqual([25, 75, 0]);
    expect(shares([0, 0])).toEqual([0, 0]);
  });
});
