import { Alert, Checkbox, Fieldset, Radio, Stack, Text, TextInput } from '@mantine/core';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { Answer, ChangeKind } from './autosave';
import type { QuestionView } from './examApi';

/** The server's limit on a short answer. */
const MAX_TEXT_LENGTH = 500;

type Props = {
  question: QuestionView;
  number: number;
  answer: Answer | undefined;
  disabled: boolean;
  onChange: (answer: Answer, kind: ChangeKind) => void;
};

/** One question as a fieldset whose legend is the question: radios, checkboxes or a text box, each labelled. */
export function QuestionField({ question, number, answer, disabled, onChange }: Props) {
  const { t } = useTranslation('exams');
  const hintId = useId();
  const chosen = answer?.optionIds ?? [];
  const hint = question.kind === 'SINGLE' ? t('sheet.single')
    : question.kind === 'MULTIPLE' ? t('sheet.multiple')
      : `${t('sheet.short')} ${t('sheet.shortHint', { count: MAX_TEXT_LENGTH })}`;
  const legend = (
    <Text component="span" fw={600} style={{ whiteSpace: 'pre-wrap' }}>
      {t('sheet.question', { number })}. {question.text}
    </Text>
  );
  return (
    <Fieldset legend={legend} aria-describedby={hintId} disabled={disabled} variant="default">
      <Stack gap="sm">
        <Text size="sm" c="gray.7" id={hintId}>{t('sheet.points', { count: question.points })} · {hint}</Text>
        {question.kind === 'SINGLE' && question.options.map((option) => (
          <Radio
            key={option.id}
            name={`question-${question.id}`}
            value={option.id}
            label={option.text}
            checked={chosen.includes(option.id)}
            onChange={() => onChange({ questionId: question.id, optionIds: [option.id], text: null }, 'choice')}
          />
        ))}
        {question.kind === 'MULTIPLE' && question.options.map((option) => (
          <Checkbox
            key={option.id}
            value={option.id}
            label={option.text}
            checked={chosen.includes(option.id)}
            onChange={(event) => {
              const next = event.currentTarget.checked ? [...chosen, option.id] : chosen.filter((id) => id !== option.id);
              // Keep the paper's order, so the same choice is always sent the same way.
              const ordered = question.options.map((o) => o.id).filter((id) => next.includes(id));
              onChange({ questionId: question.id, optionIds: ordered, text: null }, 'choice');
            }}
          />
        ))}
        {question.kind === 'SHORT' && (
          <TextInput
            label={t('sheet.shortLabel', { number })}
            value={answer?.text ?? ''}
            maxLength={MAX_TEXT_LENGTH}
            autoComplete="off"
            onChange={(event) => {
              const value = event.currentTarget.value;
              onChange({ questionId: question.id, optionIds: null, text: value === '' ? null : value }, 'text');
            }}
          />
        )}
        {!['SINGLE', 'MULTIPLE', 'SHORT'].includes(question.kind) && (
          <Alert color="gray">{t('sheet.unsupported')}</Alert>
        )}
      </Stack>
    </Fieldset>
  );
}
