import { Button, Checkbox, Group, List, NativeSelect, NumberInput, Paper, Radio, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { changeKind, LIMITS, markCorrect, newKey, newOption, QUESTION_KINDS, type QuestionDraft, type QuestionKind } from './examDraft';
import { numberValue } from './ExamSettings';

type Props = {
  question: QuestionDraft;
  index: number;
  count: number;
  errors: Record<string, string>;
  onChange: (question: QuestionDraft) => void;
  onMove: (to: number) => void;
  onRemove: () => void;
};

/** The fields each question row renders itself; any other error of the question is listed under it. */
function ownFields(question: QuestionDraft, path: string): Set<string> {
  const fields = [`${path}.text`, `${path}.points`, `${path}.explanation`, `${path}.kind`];
  if (question.kind === 'SHORT') {
    fields.push(`${path}.answers`, ...question.answers.map((_, i) => `${path}.answers[${i}]`));
  } else {
    fields.push(`${path}.options`, ...question.options.map((_, i) => `${path}.options[${i}].text`));
  }
  return new Set(fields);
}

/**
 * One question of the sheet as a fieldset named "문제 n": kind, text, points, its options with the correct ones marked
 * (or accepted answers for a short answer), explanation, and buttons to move or remove it. Plain buttons, not drag
 * handles, move it, so the keyboard does everything the mouse does.
 */
export function QuestionEditor({ question, index, count, errors, onChange, onMove, onRemove }: Props) {
  const { t } = useTranslation('instExams');
  const n = index + 1;
  const path = `questions[${index}]`;
  const id = `q-${question.key}`;
  const own = ownFields(question, path);
  const others = Object.entries(errors).filter(([field]) => (field === path || field.startsWith(`${path}.`)) && !own.has(field));
  const update = (patch: Partial<QuestionDraft>) => onChange({ ...question, ...patch });

  return (
    <Paper component="fieldset" withBorder p="md" m={0} id={id} aria-describedby={others.length ? `${id}-others` : undefined}>
      <Text component="legend" fw={700} px={4}>{t('question.legend', { n })} · {t(`questionKind.${question.kind}`)}</Text>
      <Stack gap="sm">
        <Group justify="space-between" align="flex-end" wrap="wrap">
          <NativeSelect label={t('question.kind')} value={question.kind} error={errors[`${path}.kind`]} w={200}
            data={QUESTION_KINDS.map((kind) => ({ value: kind, label: t(`questionKind.${kind}`) }))}
            onChange={(event) => onChange(changeKind(question, event.currentTarget.value as QuestionKind))} />
          <NumberInput label={t('question.points')} required min={LIMITS.points[0]} max={LIMITS.points[1]} allowDecimal={false} allowNegative={false}
            w={160} value={question.points} error={errors[`${path}.points`]} onChange={(value) => update({ points: numberValue(value) })} />
          <Group gap="xs">
            <Button variant="default" size="xs" id={`${id}-up`} disabled={index === 0} aria-label={t('question.moveUp', { n })}
              onClick={() => onMove(index - 1)}>{t('question.up')}</Button>
            <Button variant="default" size="xs" id={`${id}-down`} disabled={index === count - 1} aria-label={t('question.moveDown', { n })}
              onClick={() => onMove(index + 1)}>{t('question.down')}</Button>
            <Button variant="default" size="xs" c="red.9" aria-label={t('question.remove', { n })} onClick={onRemove}>
              {t('question.removeShort')}
            </Button>
          </Group>
        </Group>
        <Text size="sm" c="dimmed">{t('question.kindHint')}</Text>
        <Textarea label={t('question.text')} required id={`${id}-text`} maxLength={LIMITS.text} autosize minRows={2} maxRows={10}
          value={question.text} error={errors[`${path}.text`]} onChange={(event) => update({ text: event.currentTarget.value })} />
        {question.kind === 'SHORT'
          ? <AnswersEditor question={question} path={path} errors={errors} onChange={onChange} />
          : <OptionsEditor question={question} path={path} errors={errors} onChange={onChange} />}
        <Textarea label={t('question.explanation')} description={t('question.explanationHint')} maxLength={LIMITS.explanation} autosize
          minRows={2} maxRows={8} value={question.explanation} error={errors[`${path}.explanation`]}
          onChange={(event) => update({ explanation: event.currentTarget.value })} />
        {others.length > 0 && (
          <Stack gap={2} id={`${id}-others`}>
            <Text size="sm" fw={600} c="red.9">{t('form.otherErrors')}</Text>
            <List size="sm" c="red.9">{others.map(([field, message]) => <List.Item key={field}>{message}</List.Item>)}</List>
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}

function OptionsEditor({ question, path, errors, onChange }: { question: QuestionDraft; path: string; errors: Record<string, string>; onChange: (q: QuestionDraft) => void }) {
  const { t } = useTranslation('instExams');
  const groupId = `q-${question.key}-options`;
  const groupError = errors[`${path}.options`];
  const setText = (key: string, text: string) =>
    onChange({ ...question, options: question.options.map((option) => option.key === key ? { ...option, text } : option) });
  const remove = (key: string) => onChange({ ...question, options: question.options.filter((option) => option.key !== key) });
  const add = () => {
    const option = newOption();
    onChange({ ...question, options: [...question.options, option] });
    // The new option's field takes the focus, so typing continues where the keyboard is.
    requestAnimationFrame(() => document.getElementById(`o-${option.key}`)?.focus());
  };

  return (
    <Stack gap="xs" role="group" aria-labelledby={`${groupId}-label`} aria-describedby={groupError ? `${groupId}-error` : undefined}>
      <Text fw={600} size="sm" id={`${groupId}-label`}>{t('question.options')}</Text>
      {question.options.map((option, i) => {
        const label = t('question.correctOf', { n: i + 1 });
        return (
          <Group key={option.key} gap="sm" align="flex-start" wrap="nowrap">
            <TextInput id={`o-${option.key}`} label={t('question.option', { n: i + 1 })} required maxLength={LIMITS.option} style={{ flex: 1 }}
              value={option.text} error={errors[`${path}.options[${i}].text`]} onChange={(event) => setText(option.key, event.currentTarget.value)} />
            <Stack gap={4} pt={28}>
              {question.kind === 'SINGLE'
                ? <Radio name={`${groupId}-correct`} label={t('question.correct')} aria-label={label} checked={option.correct}
                    onChange={() => onChange(markCorrect(question, option.key, true))} />
                : <Checkbox label={t('question.correct')} aria-label={label} checked={option.correct}
                    onChange={(event) => onChange(markCorrect(question, option.key, event.currentTarget.checked))} />}
            </Stack>
            <Button mt={24} variant="subtle" size="xs" c="red.9" disabled={question.options.length <= LIMITS.options[0]}
              aria-label={t('question.removeOption', { n: i + 1 })} onClick={() => remove(option.key)}>×</Button>
          </Group>
        );
      })}
      {groupError && <Text size="sm" c="red.9" id={`${groupId}-error`}>{groupError}</Text>}
      <Button variant="light" size="xs" w="fit-content" disabled={question.options.length >= LIMITS.options[1]} onClick={add}>
        {t('question.addOption')}
      </Button>
    </Stack>
  );
}

function AnswersEditor({ question, path, errors, onChange }: { question: QuestionDraft; path: string; errors: Record<string, string>; onChange: (q: QuestionDraft) => void }) {
  const { t } = useTranslation('instExams');
  const groupId = `q-${question.key}-answers`;
  const groupError = errors[`${path}.answers`];
  const setText = (key: string, text: string) =>
    onChange({ ...question, answers: question.answers.map((answer) => answer.key === key ? { ...answer, text } : answer) });
  const add = () => {
    const key = newKey();
    onChange({ ...question, answers: [...question.answers, { key, text: '' }] });
    requestAnimationFrame(() => document.getElementById(`a-${key}`)?.focus());
  };

  return (
    <Stack gap="xs" role="group" aria-labelledby={`${groupId}-label`} aria-describedby={`${groupId}-hint${groupError ? ` ${groupId}-error` : ''}`}>
      <Text fw={600} size="sm" id={`${groupId}-label`}>{t('question.answers')}</Text>
      <Text size="sm" c="dimmed" id={`${groupId}-hint`}>{t('question.answersHint')}</Text>
      {question.answers.map((answer, i) => (
        <Group key={answer.key} gap="sm" align="flex-start" wrap="nowrap">
          <TextInput id={`a-${answer.key}`} label={t('question.answer', { n: i + 1 })} required maxLength={LIMITS.answer} style={{ flex: 1 }}
            value={answer.text} error={errors[`${path}.answers[${i}]`]} onChange={(event) => setText(answer.key, event.currentTarget.value)} />
          <Button mt={24} variant="subtle" size="xs" c="red.9" disabled={question.answers.length <= 1}
            aria-label={t('question.removeAnswer', { n: i + 1 })}
            onClick={() => onChange({ ...question, answers: question.answers.filter((item) => item.key !== answer.key) })}>×</Button>
        </Group>
      ))}
      {groupError && <Text size="sm" c="red.9" id={`${groupId}-error`}>{groupError}</Text>}
      <Button variant="light" size="xs" w="fit-content" disabled={question.answers.length >= LIMITS.answers} onClick={add}>
        {t('question.addAnswer')}
      </Button>
    </Stack>
  );
}
