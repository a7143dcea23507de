import type { HubRefusal } from '../hub/hubRefusal';
import type { LeaderboardEvent, QuizClosedEvent, QuizStartedEvent } from '../hub/hubTypes';

/**
 * The learner's own answer: `sending` until the hub accepts it; `accepted` once it has; `earlier` when the hub says
 * this learner already answered (from another tab, or before a reload) without saying what.
 */
export type OwnAnswer = { option: number; status: 'sending' | 'accepted' } | { option: null; status: 'earlier' };

export type QuizCard = {
  quiz: QuizStartedEvent;
  answer: OwnAnswer | null;
  /** Why the last answer was not taken, to say so next to the options. */
  refusal: HubRefusal | null;
  reveal: QuizClosedEvent | null;
  /** The quiz closed while the connection was down: the reveal was missed and cannot be asked for again. */
  missedClose: boolean;
  dismissed: boolean;
};

export type LearnerQuiz = {
  card: QuizCard | null;
  boards: Partial<Record<LeaderboardEvent['scope'], LeaderboardEvent>>;
  /** While a join's replay is arriving: whether it brought the open quiz again. */
  replay: { sawQuiz: boolean } | null;
};

export type QuizAction =
  | { type: 'started'; quiz: QuizStartedEvent }
  | { type: 'answering'; option: number }
  | { type: 'answered' }
  | { type: 'refused'; refusal: HubRefusal }
  | { type: 'closed'; reveal: QuizClosedEvent }
  | { type: 'leaderboard'; board: LeaderboardEvent }
  | { type: 'dismissed' }
  | { type: 'replayStarted' }
  | { type: 'replayFinished' }
  /** The join failed: what is on screen stays as it was. */
  | { type: 'replayAbandoned' };

export const noQuiz: LearnerQuiz = { card: null, boards: {}, replay: null };

export function learnerQuiz(state: LearnerQuiz, action: QuizAction): LearnerQuiz {
  const card = state.card;
  switch (action.type) {
    case 'started': {
      const replay = state.replay ? { sawQuiz: true } : null;
      // The same quiz again (a rejoin while it is open) keeps the answer already given.
      if (card && card.quiz.quizId === action.quiz.quizId) return { ...state, card: { ...card, quiz: action.quiz }, replay };
      return { ...state, replay, card: { quiz: action.quiz, answer: null, refusal: null, reveal: null, missedClose: false, dismissed: false } };
    }
    case 'answering':
      if (!card || card.answer || card.reveal) return state;
      return { ...state, card: { ...card, answer: { option: action.option, status: 'sending' }, refusal: null } };
    case 'answered':
      if (!card?.answer || card.answer.status !== 'sending') return state;
      return { ...state, card: { ...card, answer: { option: card.answer.option, status: 'accepted' } } };
    case 'refused':
      if (!card) return state;
      if (action.refusal === 'quiz-already-answered') return { ...state, card: { ...card, answer: { option: null, status: 'earlier' }, refusal: null } };
      return { ...state, card: { ...card, answer: null, refusal: action.refusal } };
    case 'closed':
      // A quiz pushed before this page joined and closed since has no question to show with its reveal.
      if (!card || card.quiz.quizId !== action.reveal.quizId) return state;
      return { ...state, card: { ...card, reveal: action.reveal, missedClose: false, dismissed: false } };
    case 'leaderboard':
      return { ...state, boards: { ...state.boards, [action.board.scope]: action.board } };
    case 'dismissed':
      return card ? { ...state, card: { ...card, dismissed: true } } : state;
    case 'replayStarted':
      return { ...state, replay: { sawQuiz: false } };
    case 'replayAbandoned':
      return { ...state, replay: null };
    case 'replayFinished': {
      const missed = !!card && !card.reveal && !state.replay?.sawQuiz;
      return { ...state, replay: null, card: card && missed ? { ...card, missedClose: true } : card };
    }
  }
}

/** Whether the learner may still pick an option. */
export function canAnswer(card: QuizCard, secondsLeft: number): boolean {
  return !card.answer && !card.reveal && !card.missedClose && secondsLeft > 0;
}

/** Each option's share of the answers, in whole percent. */
export function shares(counts: number[]): number[] {
  const total = counts.reduce((sum, count) => sum + count, 0);
  return counts.map((count) => (total === 0 ? 0 : Math.round((count / total) * 100)));
}
