import type { components } from '../../api/generated/live';
import type { QuizClosedEvent, QuizStartedEvent, QuizTallyEvent } from '../classroom/hub/hubTypes';

type QuizResponse = components['schemas']['QuizResponse'];
type QuizResults = components['schemas']['QuizResultsResponse'];

export type HostQuizState = 'PREPARED' | 'OPEN' | 'CLOSED';

/**
 * A quiz on the host's desk. One pushed from another window arrives without its answer and solution (`quizStarted`
 * never carries them) until its results are read.
 */
export type HostQuiz = {
  id: string;
  question: string;
  options: string[];
  correctOption: number | null;
  solution: string | null;
  timeLimitSeconds: number | null;
  state: HostQuizState;
  endsAt: string | null;
  counts: number[];
};

export type HostQuizAction =
  | { type: 'saved'; quiz: QuizResponse }
  | { type: 'started'; event: QuizStartedEvent }
  | { type: 'tally'; event: QuizTallyEvent }
  | { type: 'closed'; event: QuizClosedEvent }
  | { type: 'results'; results: QuizResults };

export function hostQuizzes(quizzes: HostQuiz[], action: HostQuizAction): HostQuiz[] {
  switch (action.type) {
    case 'saved': {
      const { quiz } = action;
      const known = quizzes.find((q) => q.id === quiz.id);
      return upsert(quizzes, {
        id: quiz.id, question: quiz.question, options: quiz.options, correctOption: quiz.correctOption, solution: quiz.solution,
        timeLimitSeconds: quiz.timeLimitSeconds, state: stateOf(quiz.state), endsAt: quiz.endsAt,
        counts: known?.counts ?? zeros(quiz.options.length),
      });
    }
    case 'started': {
      const { event } = action;
      const known = quizzes.find((q) => q.id === event.quizId);
      return upsert(quizzes, {
        id: event.quizId, question: event.question, options: event.options, correctOption: known?.correctOption ?? null,
        solution: known?.solution ?? null, timeLimitSeconds: known?.timeLimitSeconds ?? null,
        // A close already seen stays: a rejoin never reopens a quiz.
        state: known?.state === 'CLOSED' ? 'CLOSED' : 'OPEN', endsAt: event.endsAt,
        counts: known?.counts ?? zeros(event.options.length),
      });
    }
    case 'tally':
      return update(quizzes, action.event.quizId, (q) => (q.state === 'CLOSED' ? q : { ...q, counts: action.event.counts }));
    case 'closed':
      return update(quizzes, action.event.quizId, (q) => ({
        ...q, state: 'CLOSED', correctOption: action.event.correctOption, solution: action.event.solution ?? q.solution, counts: action.event.counts,
      }));
    case 'results':
      return update(quizzes, action.results.quizId, (q) => ({
        ...q, state: stateOf(action.results.state), correctOption: action.results.correctOption, counts: action.results.counts,
      }));
  }
}

/** The newest quiz open on the desk, if any: only one quiz of a session is open at a time. */
export function openQuiz(quizzes: HostQuiz[]): HostQuiz | null {
  return quizzes.find((q) => q.state === 'OPEN') ?? null;
}

function stateOf(state: string): HostQuizState {
  return state === 'OPEN' || state === 'CLOSED' ? state : 'PREPARED';
}

function zeros(length: number): number[] {
  return Array.from({ length }, () => 0);
}

function upsert(quizzes: HostQuiz[], quiz: HostQuiz): HostQuiz[] {
  return quizzes.some((q) => q.id === quiz.id) ? quizzes.map((q) => (q.id === quiz.id ? quiz : q)) : [...quizzes, quiz];
}

function update(quizzes: HostQuiz[], id: string, change: (quiz: HostQuiz) => HostQuiz): HostQuiz[] {
  return quizzes.map((q) => (q.id === id ? change(q) : q));
}

/**
 * The live API has no route that lists a session's quizzes, so the desk keeps what it prepared and saw in this
 * browser window (sessionStorage: gone with the window, never shared with other sites); the server's state of each is
 * read again on every join.
 */
export const storageKey = (sessionId: string) => `lms.live.quizzes.${sessionId}`;

export function readStoredQuizzes(storage: Pick<Storage, 'getItem'>, sessionId: string): HostQuiz[] {
  try {
    const parsed: unknown = JSON.parse(storage.getItem(storageKey(sessionId)) ?? '[]');
    return Array.isArray(parsed) ? parsed.filter(isHostQuiz) : [];
  } catch {
    return [];
  }
}

export function storeQuizzes(storage: Pick<Storage, 'setItem'>, sessionId: string, quizzes: HostQuiz[]) {
  try {
    storage.setItem(storageKey(sessionId), JSON.stringify(quizzes));
  } catch {
    // A full or disabled storage only costs the list after a reload.
  }
}

function isHostQuiz(value: unknown): value is HostQuiz {
  if (typeof value !== 'object' || value === null) return false;
  const q = value as Record<string, unknown>;
  return typeof q.id === 'string' && typeof q.question === 'string' && Array.isArray(q.options) && Array.isArray(q.counts)
    && (q.state === 'PREPARED' || q.state === 'OPEN' || q.state === 'CLOSED');
}
