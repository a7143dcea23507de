import { Button, Group, Stack, Text, Title, VisuallyHidden } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { move, newQuestion, QUESTION_KINDS, type ExamDraft, type QuestionDraft, type QuestionKind } from './examDraft';
import { ExamSettings } from './ExamSettings';
import { QuestionEditor } from './QuestionEditor';

type Props = {
  draft: ExamDraft;
  errors: Record<string, string>;
  onChange: (draft: ExamDraft) => void;
};

/** Where the keyboard goes after a question moves, is added or removed: the same control, or the new question's text. */
type Focus = { id: string; fallback?: string };

/** The whole sheet: settings, then the questions in order, with buttons to add each kind. */
export function ExamEditor({ draft, errors, onChange }: Props) {
  const { t } = useTranslation('instExams');
  const [announcement, setAnnouncement] = useState('');
  const [focus, setFocus] = useState<Focus | null>(null);
  const points = draft.questions.reduce((sum, question) => sum + (question.points === '' ? 0 : question.points), 0);

  useEffect(() => {
    if (!focus) return;
    const target = document.getElementById(focus.id) as HTMLButtonElement | null;
    const usable = target && !target.disabled ? target : focus.fallback ? document.getElementById(focus.fallback) : null;
    usable?.focus();
    setFocus(null);
  }, [focus]);

  const setQuestions = (questions: QuestionDraft[]) => onChange({ ...draft, questions });

  const moveQuestion = (from: number, to: number, button: 'up' | 'down') => {
    const key = draft.questions[from].key;
    setQuestions(move(draft.questions, from, to));
    setAnnouncement(t('question.moved', { n: to + 1 }));
    // React moves the fieldset in the document, which can drop the focus: put it back on the button pressed, or on
    // the other one when the question reached the end of the list.
    setFocus({ id: `q-${key}-${button}`, fallback: `q-${key}-${button === 'up' ? 'down' : 'up'}` });
  };

  const add = (kind: QuestionKind) => {
    const question = newQuestion(kind);
    setQuestions([...draft.questions, question]);
    setAnnouncement(t('question.added', { n: draft.questions.length + 1 }));
    setFocus({ id: `q-${question.key}-text` });
  };

  const remove = (index: number) => {
    const next = draft.questions[index + 1] ?? draft.questions[index - 1];
    setQuestions(draft.questions.filter((_, i) => i !== index));
    setAnnouncement(t('question.removed'));
    setFocus({ id: next ? `q-${next.key}-text` : 'exam-add-questions' });
  };

  return (
    <Stack gap="lg">
      <ExamSettings draft={draft} errors={errors} onChange={(patch) => onChange({ ...draft, ...patch })} />
      <Stack component="section" gap="sm" aria-labelledby="exam-questions-title">
        <Group justify="space-between" align="baseline">
          <Title order={2} id="exam-questions-title">{t('form.questions')}</Title>
          <Text size="sm">{t('form.questionsCount', { count: draft.questions.length, points })}</Text>
        </Group>
        {draft.questions.length === 0 && <Text>{t('form.noQuestions')}</Text>}
        {errors.questions && <Text size="sm" c="red.9">{errors.questions}</Text>}
        {draft.questions.map((question, index) => (
          <QuestionEditor
            key={question.key}
            question={question}
            index={index}
            count={draft.questions.length}
            errors={errors}
            onChange={(changed) => setQuestions(draft.questions.map((item) => (item.key === changed.key ? changed : item)))}
            onMove={(to) => moveQuestion(index, to, to < index ? 'up' : 'down')}
            onRemove={() => remove(index)}
          />
        ))}
        <Stack gap="xs" role="group" aria-labelledby="exam-add-questions">
          <Text fw={600} id="exam-add-questions" tabIndex={-1}>{t('form.add')}</Text>
          <Group gap="sm">
            {QUESTION_KINDS.map((kind) => (
              <Button key={kind} variant="light" onClick={() => add(kind)}>
                {t('form.addKind', { kind: t(`questionKind.${kind}`) })}
              </Button>
            ))}
          </Group>
        </Stack>
      </Stack>
      <VisuallyHidden role="status" aria-live="polite">{announcement}</VisuallyHidden>
    </Stack>
  );
}
