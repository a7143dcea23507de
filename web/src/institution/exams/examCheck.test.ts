import { describe, expect, it } from 'vitest';
import { checkExam, fieldPath, questionOf } from './examCheck';
import { emptyExam, newOption, newQuestion, type ExamDraft } from './examDraft';

const valid = (): ExamDraft => ({
  ...emptyExam(),
  title: '평가',
  questions: [
    { ...newQuestion('SINGLE'), text: '하나', options: [newOption('가', true), newOption('나')] },
    { ...newQuestion('MULTIPLE'), text: '여럿', options: [newOption('가', true), newOption('나', true), newOption('다')] },
    { ...newQuestion('SHORT'), text: '짧게', answers: [{ key: 'a', text: 'CPO' }] },
  ],
});

describe('the exam rules before sending', () => {
  it('finds nothing wrong with a complete exam', () => {
    expect(checkExam(valid())).toEqual({});
  });

  it('names the fields the way the server names them', () => {
    const draft = valid();
    draft.title = ' ';
    draft.timeLimitMinutes = 0;
    draft.passScore = 101;
    draft.questions[0].options = [newOption('가', true), newOption('나', true)];
    draft.questions[1].options = [newOption('가'), newOption('')];
    draft.questions[2].answers = [{ key: 'a', text: ' ' }];
    draft.questions[2].points = '';
    expect(Object.keys(checkExam(draft)).sort()).toEqual([
      'passScore', 'questions[0].options', 'questions[1].options', 'questions[1].options[1].text',
      'questions[2].answers[0]', 'questions[2].points', 'timeLimitMinutes', 'title',
    ]);
    expect(checkExam(draft)['questions[0].options'].key).toBe('singleCorrect');
    expect(checkExam(draft)['questions[1].options'].key).toBe('multipleCorrect');
  });

  it('counts options and accepted answers', () => {
    const draft = valid();
    draft.questions[0].options = [newOption('가', true)];
    draft.questions[1].options = Array.from({ length: 11 }, (_, i) => newOption(`${i}`, i === 0));
    draft.questions[2].answers = [];
    const errors = checkExam(draft);
    expect(errors['questions[0].options']).toEqual({ key: 'optionCount', values: { min: 2, max: 10 } });
    expect(errors['questions[1].options'].key).toBe('optionCount');
    expect(errors['questions[2].answers']).toEqual({ key: 'answerCount', values: { max: 20 } });
  });

  it('wants at least one question, and a window that closes after it opens', () => {
    const draft = { ...valid(), questions: [], opensAt: '2026-12-10T09:00', closesAt: '2026-12-10T09:00' };
    const errors = checkExam(draft);
    expect(errors.questions.key).toBe('noQuestions');
    expect(errors.closesAt.key).toBe('closesBeforeOpens');
    expect(checkExam({ ...valid(), opensAt: '2026-12-10' }).opensAt.key).toBe('timeIncomplete');
  });

  it('refuses fractions where whole numbers are asked', () => {
    expect(checkExam({ ...valid(), attemptsAllowed: 1.5 }).attemptsAllowed.key).toBe('range');
  });
});

describe('the server’s field names', () => {
  it('are matched whatever the case of each segment', () => {
    expect(fieldPath('Questions[2].Options[1].Text')).toBe('questions[2].options[1].text');
    expect(fieldPath('answerKeyReveal')).toBe('answerKeyReveal');
  });

  it('tell which question they are about', () => {
    expect(questionOf('questions[12].options')).toBe(12);
    expect(questionOf('title')).toBeNull();
  });
});
