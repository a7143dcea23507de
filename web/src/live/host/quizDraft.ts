import type { components } from '../../api/generated/live';

type PrepareQuizRequest = components['schemas']['PrepareQuizRequest'];

/** The quiz form as typed; the hub takes 2–6 options and a limit of 5–600 seconds. */
export type QuizDraft = {
  question: string;
  options: string[];
  correctOption: number | null;
  solution: string;
  timeLimitSeconds: number | string;
};

export const minOptions = 2;
export const maxOptions = 6;
export const emptyDraft = (): QuizDraft => ({ question: '', options: ['', ''], correctOption: null, solution: '', timeLimitSeconds: 30 });

export type DraftProblem = 'question' | 'options' | 'correctOption' | 'timeLimitSeconds';

/** What the form must still fix, by field; empty when the draft can be sent. */
export function draftProblems(draft: QuizDraft): DraftProblem[] {
  const problems: DraftProblem[] = [];
  if (!draft.question.trim()) problems.push('question');
  const filled = draft.options.filter((option) => option.trim());
  if (filled.length < minOptions || filled.length !== draft.options.length) problems.push('options');
  if (draft.correctOption === null || draft.correctOption >= draft.options.length) problems.push('correctOption');
  const seconds = Number(draft.timeLimitSeconds);
  if (!Number.isInteger(seconds) || seconds < 5 || seconds > 600) problems.push('timeLimitSeconds');
  return problems;
}

export function toRequest(draft: QuizDraft): PrepareQuizRequest {
  return {
    question: draft.question.trim(),
    options: draft.options.map((option) => option.trim()),
    correctOption: draft.correctOption,
    solution: draft.solution.trim() || null,
    timeLimitSeconds: Number(draft.timeLimitSeconds),
  };
}

/** Removing an option keeps the correct one pointing at the same text. */
export function withoutOption(draft: QuizDraft, index: number): QuizDraft {
  if (draft.options.length <= minOptions) return draft;
  const correct = draft.correctOption;
  return {
    ...draft,
    options: draft.options.filter((_, i) => i !== index),
    correctOption: correct === null || correct === index ? null : correct > index ? correct - 1 : correct,
  };
}
