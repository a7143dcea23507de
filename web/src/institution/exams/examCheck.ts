import { fromKoreaInput } from '../../live/studio/koreaInput';
import { LIMITS, type ExamDraft, type QuestionDraft } from './examDraft';

/** A broken rule as an `instExams:check.*` key and the numbers its sentence needs. */
export type Broken = { key: string; values?: Record<string, number> };

/**
 * The exam service's rules, checked before sending so each mistake shows next to its field. Keys are the paths the
 * server's 400 uses (`questions[2].options[1].text`), so the server's own refusals land in the same places.
 */
export function checkExam(draft: ExamDraft): Record<string, Broken> {
  const errors: Record<string, Broken> = {};
  if (!draft.title.trim()) errors.title = { key: 'titleRequired' };
  else if (draft.title.length > LIMITS.title) errors.title = { key: 'tooLong', values: { max: LIMITS.title } };
  if (draft.description.length > LIMITS.description) errors.description = { key: 'tooLong', values: { max: LIMITS.description } };
  range(errors, 'timeLimitMinutes', draft.timeLimitMinutes, LIMITS.timeLimit);
  range(errors, 'passScore', draft.passScore, LIMITS.passScore);
  range(errors, 'attemptsAllowed', draft.attemptsAllowed, LIMITS.attempts);
  range(errors, 'weight', draft.weight, LIMITS.weight);

  const opens = draft.opensAt ? fromKoreaInput(draft.opensAt) : null;
  const closes = draft.closesAt ? fromKoreaInput(draft.closesAt) : null;
  if (draft.opensAt && !opens) errors.opensAt = { key: 'timeIncomplete' };
  if (draft.closesAt && !closes) errors.closesAt = { key: 'timeIncomplete' };
  if (opens && closes && Date.parse(closes) <= Date.parse(opens)) errors.closesAt = { key: 'closesBeforeOpens' };

  if (draft.questions.length === 0) errors.questions = { key: 'noQuestions' };
  else if (draft.questions.length > LIMITS.questions) errors.questions = { key: 'tooManyQuestions', values: { max: LIMITS.questions } };
  draft.questions.forEach((question, index) => checkQuestion(errors, question, `questions[${index}]`));
  return errors;
}

function checkQuestion(errors: Record<string, Broken>, question: QuestionDraft, path: string) {
  if (!question.text.trim()) errors[`${path}.text`] = { key: 'questionRequired' };
  else if (question.text.length > LIMITS.text) errors[`${path}.text`] = { key: 'tooLong', values: { max: LIMITS.text } };
  range(errors, `${path}.points`, question.points, LIMITS.points);
  if (question.explanation.length > LIMITS.explanation) {
    errors[`${path}.explanation`] = { key: 'tooLong', values: { max: LIMITS.explanation } };
  }

  if (question.kind === 'SHORT') {
    const max = LIMITS.answers;
    if (question.answers.length === 0 || question.answers.length > max) {
      errors[`${path}.answers`] = { key: 'answerCount', values: { max } };
    }
    question.answers.forEach((answer, index) => {
      if (!answer.text.trim()) errors[`${path}.answers[${index}]`] = { key: 'answerRequired' };
      else if (answer.text.length > LIMITS.answer) errors[`${path}.answers[${index}]`] = { key: 'tooLong', values: { max: LIMITS.answer } };
    });
    return;
  }

  const [min, max] = LIMITS.options;
  question.options.forEach((option, index) => {
    if (!option.text.trim()) errors[`${path}.options[${index}].text`] = { key: 'optionRequired' };
    else if (option.text.length > LIMITS.option) errors[`${path}.options[${index}].text`] = { key: 'tooLong', values: { max: LIMITS.option } };
  });
  const correct = question.options.filter((option) => option.correct).length;
  if (question.options.length < min || question.options.length > max) errors[`${path}.options`] = { key: 'optionCount', values: { min, max } };
  else if (question.kind === 'SINGLE' && correct !== 1) errors[`${path}.options`] = { key: 'singleCorrect' };
  else if (question.kind === 'MULTIPLE' && correct === 0) errors[`${path}.options`] = { key: 'multipleCorrect' };
}

function range(errors: Record<string, Broken>, field: string, value: number | '', [min, max]: readonly [number, number]) {
  if (value === '' || !Number.isInteger(value) || value < min || value > max) errors[field] = { key: 'range', values: { min, max } };
}

/**
 * The server names fields as the request has them; .NET may capitalise a segment (`Questions[2].Options`), so every
 * segment's first letter is lowered to match the form's paths.
 */
export function fieldPath(serverKey: string): string {
  return serverKey.split('.').map((segment) => segment.charAt(0).toLowerCase() + segment.slice(1)).join('.');
}

/** Which question a path belongs to (`questions[3].options` → 3), for counting and focusing the first mistake. */
export function questionOf(path: string): number | null {
  const match = /^questions\[(\d+)\]/.exec(path);
  return match ? Number(match[1]) : null;
}
