import { fromKoreaInput, toKoreaInput } from '../../live/studio/koreaInput';
import type { components } from '../../api/generated/institution';

export type Exam = components['schemas']['ExamResponse'];
export type ExamRequest = components['schemas']['ExamRequest'];
export type QuestionRequest = components['schemas']['QuestionRequest'];

export const QUESTION_KINDS = ['SINGLE', 'MULTIPLE', 'SHORT'] as const;
export type QuestionKind = (typeof QUESTION_KINDS)[number];
export const EXAM_KINDS = ['MID', 'FINAL'] as const;
export const SCORINGS = ['BEST', 'LAST'] as const;
export const REVEALS = ['AFTER_SUBMISSION', 'AFTER_CLOSE', 'NEVER'] as const;
export type Reveal = (typeof REVEALS)[number];

/** The exam service's limits (ExamRequest, QuestionSheet), checked here first so a mistake shows before sending. */
export const LIMITS = {
  title: 200,
  description: 4000,
  timeLimit: [1, 600],
  passScore: [0, 100],
  attempts: [1, 10],
  weight: [1, 100],
  questions: 200,
  text: 2000,
  points: [1, 100],
  options: [2, 10],
  option: 500,
  answers: 20,
  answer: 200,
  explanation: 4000,
} as const;

/** An option as edited; `key` tells React rows apart, `id` is the server's (absent for a new option). */
export type OptionDraft = { key: string; id: string | null; text: string; correct: boolean };
export type AnswerDraft = { key: string; text: string };
export type QuestionDraft = {
  key: string;
  id: string | null;
  kind: QuestionKind;
  text: string;
  points: number | '';
  options: OptionDraft[];
  answers: AnswerDraft[];
  explanation: string;
};

export type ExamDraft = {
  title: string;
  description: string;
  kind: string;
  timeLimitMinutes: number | '';
  passScore: number | '';
  attemptsAllowed: number | '';
  /** `YYYY-MM-DDTHH:mm` in Korea time, or '' for no bound. */
  opensAt: string;
  closesAt: string;
  shuffleQuestions: boolean;
  shuffleOptions: boolean;
  required: boolean;
  weight: number | '';
  scoring: string;
  answerKeyReveal: string;
  questions: QuestionDraft[];
};

let counter = 0;
/** A key unique in this page's life, for list rows that have no server id yet. */
export function newKey(): string {
  counter += 1;
  return `k${counter}`;
}

export function newOption(text = '', correct = false): OptionDraft {
  return { key: newKey(), id: null, text, correct };
}

export function newQuestion(kind: QuestionKind): QuestionDraft {
  return {
    key: newKey(), id: null, kind, text: '', points: 10,
    options: kind === 'SHORT' ? [] : [newOption(), newOption()],
    answers: kind === 'SHORT' ? [{ key: newKey(), text: '' }] : [],
    explanation: '',
  };
}

export function emptyExam(): ExamDraft {
  return {
    title: '', description: '', kind: 'FINAL', timeLimitMinutes: 30, passScore: 60, attemptsAllowed: 1, opensAt: '', closesAt: '',
    shuffleQuestions: false, shuffleOptions: false, required: true, weight: 1, scoring: 'BEST', answerKeyReveal: 'AFTER_CLOSE',
    questions: [],
  };
}

export function fromExam(exam: Exam): ExamDraft {
  return {
    title: exam.title,
    description: exam.description,
    kind: exam.kind,
    timeLimitMinutes: exam.timeLimitMinutes,
    passScore: exam.passScore,
    attemptsAllowed: exam.attemptsAllowed,
    opensAt: exam.opensAt ? toKoreaInput(exam.opensAt) : '',
    closesAt: exam.closesAt ? toKoreaInput(exam.closesAt) : '',
    shuffleQuestions: exam.shuffleQuestions,
    shuffleOptions: exam.shuffleOptions,
    required: exam.required,
    weight: exam.weight,
    scoring: exam.scoring,
    answerKeyReveal: exam.answerKeyReveal,
    questions: exam.questions.map((question) => ({
      key: question.id,
      id: question.id,
      kind: (QUESTION_KINDS as readonly string[]).includes(question.kind) ? question.kind as QuestionKind : 'SINGLE',
      text: question.text,
      points: question.points,
      options: question.options.map((option) => ({ key: option.id, id: option.id, text: option.text, correct: option.correct })),
      answers: question.answers.map((answer) => ({ key: newKey(), text: answer })),
      explanation: question.explanation ?? '',
    })),
  };
}

/**
 * The body of POST and PUT: ids kept so the server keeps questions and options (and learners' attempts stay readable),
 * times from Korea's wall clock to UTC, blanks trimmed. Only the parts a question's kind has are sent: a short answer
 * carries no options, a choice no accepted answers (the server refuses either).
 */
export function toExamRequest(draft: ExamDraft): ExamRequest {
  return {
    title: draft.title.trim(),
    description: draft.description.trim() || null,
    kind: draft.kind,
    timeLimitMinutes: numberOr(draft.timeLimitMinutes),
    passScore: numberOr(draft.passScore),
    attemptsAllowed: numberOr(draft.attemptsAllowed),
    opensAt: draft.opensAt ? fromKoreaInput(draft.opensAt) : null,
    closesAt: draft.closesAt ? fromKoreaInput(draft.closesAt) : null,
    shuffleQuestions: draft.shuffleQuestions,
    shuffleOptions: draft.shuffleOptions,
    required: draft.required,
    weight: numberOr(draft.weight),
    scoring: draft.scoring,
    answerKeyReveal: draft.answerKeyReveal,
    questions: draft.questions.map(toQuestionRequest),
  };
}

function toQuestionRequest(question: QuestionDraft): QuestionRequest {
  const choice = question.kind !== 'SHORT';
  return {
    id: question.id,
    kind: question.kind,
    text: question.text.trim(),
    points: numberOr(question.points),
    options: choice ? question.options.map((option) => ({ id: option.id, text: option.text.trim(), correct: option.correct })) : null,
    answers: choice ? null : question.answers.map((answer) => answer.text.trim()),
    explanation: question.explanation.trim() || null,
  };
}

// An emptied number field is sent as 0, which the server names as out of range next to the field.
function numberOr(value: number | ''): number {
  return value === '' ? 0 : value;
}

/**
 * A question given another kind keeps what still fits: its options between single and multiple choice (a single
 * choice keeps only the first correct mark), its options' texts as accepted answers when it becomes a short answer,
 * and its accepted answers as options when it becomes a choice.
 */
export function changeKind(question: QuestionDraft, kind: QuestionKind): QuestionDraft {
  if (kind === question.kind) return question;
  if (kind === 'SHORT') {
    const texts = question.options.map((option) => option.text).filter((text) => text.trim());
    const answers = (question.options.some((option) => option.correct)
      ? question.options.filter((option) => option.correct).map((option) => option.text).filter((text) => text.trim())
      : texts);
    return { ...question, kind, options: [], answers: (answers.length ? answers : ['']).map((text) => ({ key: newKey(), text })) };
  }
  let options = question.options;
  if (question.kind === 'SHORT') {
    const fromAnswers = question.answers.filter((answer) => answer.text.trim()).map((answer) => newOption(answer.text, true));
    options = [...fromAnswers, ...Array.from({ length: Math.max(0, 2 - fromAnswers.length) }, () => newOption())];
  }
  if (kind === 'SINGLE') {
    const first = options.findIndex((option) => option.correct);
    options = options.map((option, index) => ({ ...option, correct: index === first }));
  }
  return { ...question, kind, options, answers: [] };
}

/** Marks an option correct: a single choice has exactly one, a multiple choice toggles. */
export function markCorrect(question: QuestionDraft, optionKey: string, correct: boolean): QuestionDraft {
  return {
    ...question,
    options: question.options.map((option) => question.kind === 'SINGLE'
      ? { ...option, correct: option.key === optionKey }
      : option.key === optionKey ? { ...option, correct } : option),
  };
}

/** Moves the item at `from` to `to` (clamped); the list itself is not changed. */
export function move<T>(list: readonly T[], from: number, to: number): T[] {
  const target = Math.max(0, Math.min(list.length - 1, to));
  if (from === target || from < 0 || from >= list.length) return [...list];
  const next = [...list];
  const [item] = next.splice(from, 1);
  next.splice(target, 0, item);
  return next;
}
