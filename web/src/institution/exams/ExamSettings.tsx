import { Alert, Checkbox, Group, NativeSelect, NumberInput, Radio, SimpleGrid, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { EXAM_KINDS, LIMITS, REVEALS, SCORINGS, type ExamDraft } from './examDraft';

type Props = {
  draft: ExamDraft;
  errors: Record<string, string>;
  onChange: (patch: Partial<ExamDraft>) => void;
};

export const numberValue = (value: number | string): number | '' => (typeof value === 'number' ? value : '');

/** Everything about an exam except its questions: title, timing, attempts, the window in Korea time, the key policy. */
export function ExamSettings({ draft, errors, onChange }: Props) {
  const { t } = useTranslation('instExams');
  return (
    <Stack component="section" gap="sm" aria-labelledby="exam-settings-title">
      <Title order={2} id="exam-settings-title">{t('form.settings')}</Title>
      <TextInput label={t('form.title')} required maxLength={LIMITS.title} value={draft.title} error={errors.title}
        onChange={(event) => onChange({ title: event.currentTarget.value })} />
      <Textarea label={t('form.description')} description={t('form.descriptionHint')} maxLength={LIMITS.description} autosize minRows={2}
        maxRows={8} value={draft.description} error={errors.description} onChange={(event) => onChange({ description: event.currentTarget.value })} />
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
        <NativeSelect label={t('form.kind')} description={t('form.kindHint')} value={draft.kind} error={errors.kind}
          data={EXAM_KINDS.map((kind) => ({ value: kind, label: t(`kind.${kind}`) }))}
          onChange={(event) => onChange({ kind: event.currentTarget.value })} />
        <NumberInput label={t('form.timeLimit')} required min={LIMITS.timeLimit[0]} max={LIMITS.timeLimit[1]} allowDecimal={false}
          allowNegative={false} value={draft.timeLimitMinutes} error={errors.timeLimitMinutes}
          onChange={(value) => onChange({ timeLimitMinutes: numberValue(value) })} />
        <NumberInput label={t('form.passScore')} required min={LIMITS.passScore[0]} max={LIMITS.passScore[1]} allowDecimal={false}
          allowNegative={false} value={draft.passScore} error={errors.passScore}
          onChange={(value) => onChange({ passScore: numberValue(value) })} />
        <NumberInput label={t('form.attempts')} required min={LIMITS.attempts[0]} max={LIMITS.attempts[1]} allowDecimal={false}
          allowNegative={false} value={draft.attemptsAllowed} error={errors.attemptsAllowed}
          onChange={(value) => onChange({ attemptsAllowed: numberValue(value) })} />
        <NativeSelect label={t('form.scoring')} value={draft.scoring} error={errors.scoring}
          data={SCORINGS.map((scoring) => ({ value: scoring, label: t(`form.scoring${scoring}`) }))}
          onChange={(event) => onChange({ scoring: event.currentTarget.value })} />
        <NumberInput label={t('form.weight')} description={t('form.weightHint')} required min={LIMITS.weight[0]} max={LIMITS.weight[1]}
          allowDecimal={false} allowNegative={false} value={draft.weight} error={errors.weight}
          onChange={(value) => onChange({ weight: numberValue(value) })} />
      </SimpleGrid>
      <Group gap="lg">
        <Checkbox label={t('form.required')} checked={draft.required} onChange={(event) => onChange({ required: event.currentTarget.checked })} />
        <Checkbox label={t('form.shuffleQuestions')} checked={draft.shuffleQuestions}
          onChange={(event) => onChange({ shuffleQuestions: event.currentTarget.checked })} />
        <Checkbox label={t('form.shuffleOptions')} checked={draft.shuffleOptions}
          onChange={(event) => onChange({ shuffleOptions: event.currentTarget.checked })} />
      </Group>
      <Stack gap={4} role="group" aria-labelledby="exam-window-title" aria-describedby="exam-window-hint">
        <Text fw={600} id="exam-window-title">{t('form.window')}</Text>
        <Text size="sm" c="dimmed" id="exam-window-hint">{t('form.windowHint')}</Text>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput type="datetime-local" label={t('form.opensAt')} value={draft.opensAt} error={errors.opensAt}
            onChange={(event) => onChange({ opensAt: event.currentTarget.value })} />
          <TextInput type="datetime-local" label={t('form.closesAt')} value={draft.closesAt} error={errors.closesAt}
            onChange={(event) => onChange({ closesAt: event.currentTarget.value })} />
        </SimpleGrid>
      </Stack>
      <Radio.Group label={t('form.reveal')} description={t('form.revealHint')} value={draft.answerKeyReveal} error={errors.answerKeyReveal}
        onChange={(value) => onChange({ answerKeyReveal: value })}>
        <Stack gap="xs" mt="xs">
          {REVEALS.map((reveal) => (
            <Radio key={reveal} value={reveal} label={t(`form.reveal${reveal}`)} description={t(`form.reveal${reveal}Hint`)} />
          ))}
        </Stack>
      </Radio.Group>
      {draft.answerKeyReveal === 'AFTER_CLOSE' && !draft.closesAt && (
        <Alert color="yellow" variant="light">{t('form.revealNoClose')}</Alert>
      )}
    </Stack>
  );
}
