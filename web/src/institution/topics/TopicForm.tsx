import { Alert, Button, Group, NativeSelect, Paper, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemError } from '../../api/problem';
import { ImeSafeForm } from '../../common/ImeSafeForm';
import { problemText } from '../../common/problemText';
import { newKey } from '../exams/examDraft';
import { checkTopic, LANGUAGES, TOPIC_LIMITS, toTopicRequest, topicFieldPath, type TopicDraft, type TopicRequest } from './topicDraft';

type Props = {
  initial: TopicDraft;
  heading: string;
  headingId: string;
  submitLabel: string;
  onSubmit: (request: TopicRequest) => Promise<void>;
  onCancel: () => void;
  /**
   * Fields of the caller's own placed first among what learners read (the admin's catalog adds major and subject),
   * given whether a send was tried and the server's field errors; `leadingProblems` counts what is wrong in them, which
   * stops the send and joins the form's count of marked fields.
   */
  leading?: (tried: boolean, serverErrors: Record<string, string>) => ReactNode;
  leadingProblems?: () => number;
};

/**
 * A topic in two visibly separate parts: what learners read (title, prompt, language), and the rubric (key points,
 * synonyms) that is only for scoring.
 */
export function TopicForm({ initial, heading, headingId, submitLabel, onSubmit, onCancel, leading, leadingProblems }: Props) {
  const { t } = useTranslation('instTopics');
  const [draft, setDraft] = useState(initial);
  const [tried, setTried] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [attempt, setAttempt] = useState(0);
  const container = useRef<HTMLDivElement>(null);
  const update = (patch: Partial<TopicDraft>) => { setDraft((current) => ({ ...current, ...patch })); };

  const server = error instanceof ProblemError
    ? Object.fromEntries(Object.entries(error.errors).map(([key, messages]) =>
        [topicFieldPath(key, draft), t('common:problem.field', { message: messages.join(' ') })]))
    : {};
  const local = tried
    ? Object.fromEntries(Object.entries(checkTopic(draft)).map(([key, broken]) => [key, t(`check.${broken.key}`, broken.values ?? {})]))
    : {};
  const errors: Record<string, string> = { ...server, ...local };
  const count = Object.keys(errors).length + (tried ? leadingProblems?.() ?? 0 : 0);

  useEffect(() => {
    if (attempt > 0) container.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [attempt]);

  const submit = async () => {
    setTried(true);
    setError(null);
    if (Object.keys(checkTopic(draft)).length > 0 || (leadingProblems?.() ?? 0) > 0) {
      setAttempt((n) => n + 1);
      return;
    }
    setBusy(true);
    try {
      await onSubmit(toTopicRequest(draft));
    } catch (caught) {
      setError(caught);
      setAttempt((n) => n + 1);
    } finally {
      setBusy(false);
    }
  };

  const addKeyPoint = () => {
    const key = newKey();
    update({ keyPoints: [...draft.keyPoints, { key, text: '' }] });
    requestAnimationFrame(() => document.getElementById(`kp-${key}`)?.focus());
  };
  const addSynonym = () => {
    const key = newKey();
    update({ synonyms: [...draft.synonyms, { key, term: '', words: '' }] });
    requestAnimationFrame(() => document.getElementById(`syn-${key}`)?.focus());
  };

  return (
    <ImeSafeForm aria-labelledby={headingId} onSubmit={() => void submit()}>
      <Stack gap="md" ref={container}>
        <Title order={2} size="h3" id={headingId}>{heading}</Title>
        <Paper component="fieldset" withBorder p="md" m={0}>
          <Text component="legend" fw={700} px={4}>{t('form.learnerPart')}</Text>
          <Stack gap="sm">
            {leading?.(tried, server)}
            <TextInput label={t('form.title')} required maxLength={TOPIC_LIMITS.title} value={draft.title} error={errors.title}
              onChange={(event) => update({ title: event.currentTarget.value })} />
            <Textarea label={t('form.prompt')} description={t('form.promptHint')} maxLength={TOPIC_LIMITS.prompt} autosize minRows={3} maxRows={10}
              value={draft.prompt} error={errors.prompt} onChange={(event) => update({ prompt: event.currentTarget.value })} />
            <NativeSelect label={t('form.language')} description={t('form.languageHint')} w={260} value={draft.language} error={errors.language}
              data={LANGUAGES.map((language) => ({ value: language, label: t(`language.${language}`) }))}
              onChange={(event) => update({ language: event.currentTarget.value })} />
          </Stack>
        </Paper>
        <Paper component="fieldset" withBorder p="md" m={0} bg="gray.0" aria-describedby={`${headingId}-rubric-hint`}>
          <Text component="legend" fw={700} px={4}>{t('form.rubricPart')}</Text>
          <Stack gap="md">
            <Text size="sm" id={`${headingId}-rubric-hint`}>{t('form.rubricHint')}</Text>
            <Stack gap="xs" role="group" aria-labelledby={`${headingId}-kp`} aria-describedby={`${headingId}-kp-hint`}>
              <Text fw={600} size="sm" id={`${headingId}-kp`}>{t('form.keyPoints')}</Text>
              <Text size="sm" c="dimmed" id={`${headingId}-kp-hint`}>{t('form.keyPointsHint')}</Text>
              {draft.keyPoints.map((point, index) => (
                <Group key={point.key} gap="sm" align="flex-start" wrap="nowrap">
                  <TextInput id={`kp-${point.key}`} label={t('form.keyPoint', { n: index + 1 })} maxLength={TOPIC_LIMITS.keyPoint} style={{ flex: 1 }}
                    value={point.text} error={errors[`keyPoints[${index}]`]}
                    onChange={(event) => {
                      const text = event.currentTarget.value;
                      update({ keyPoints: draft.keyPoints.map((item) => (item.key === point.key ? { ...item, text } : item)) });
                    }} />
                  <Button mt={24} variant="subtle" size="xs" c="red.9" disabled={draft.keyPoints.length <= 1}
                    aria-label={t('form.removeKeyPoint', { n: index + 1 })}
                    onClick={() => update({ keyPoints: draft.keyPoints.filter((item) => item.key !== point.key) })}>×</Button>
                </Group>
              ))}
              {errors.keyPoints && <Text size="sm" c="red.9">{errors.keyPoints}</Text>}
              <Button variant="light" size="xs" w="fit-content" disabled={draft.keyPoints.length >= TOPIC_LIMITS.keyPoints} onClick={addKeyPoint}>
                {t('form.addKeyPoint')}
              </Button>
            </Stack>
            <Stack gap="xs" role="group" aria-labelledby={`${headingId}-syn`} aria-describedby={`${headingId}-syn-hint`}>
              <Text fw={600} size="sm" id={`${headingId}-syn`}>{t('form.synonyms')}</Text>
              <Text size="sm" c="dimmed" id={`${headingId}-syn-hint`}>{t('form.synonymsHint')}</Text>
              {draft.synonyms.map((row, index) => (
                <Group key={row.key} gap="sm" align="flex-start" wrap="wrap">
                  <TextInput id={`syn-${row.key}`} label={t('form.term', { n: index + 1 })} maxLength={TOPIC_LIMITS.synonym} w={200}
                    value={row.term} error={errors[`synonyms[${index}]`]}
                    onChange={(event) => {
                      const term = event.currentTarget.value;
                      update({ synonyms: draft.synonyms.map((item) => (item.key === row.key ? { ...item, term } : item)) });
                    }} />
                  <TextInput label={t('form.words', { n: index + 1 })} style={{ flex: 1, minWidth: 220 }} value={row.words}
                    onChange={(event) => {
                      const words = event.currentTarget.value;
                      update({ synonyms: draft.synonyms.map((item) => (item.key === row.key ? { ...item, words } : item)) });
                    }} />
                  <Button mt={24} variant="subtle" size="xs" c="red.9" aria-label={t('form.removeSynonym', { n: index + 1 })}
                    onClick={() => update({ synonyms: draft.synonyms.filter((item) => item.key !== row.key) })}>×</Button>
                </Group>
              ))}
              {errors.synonyms && <Text size="sm" c="red.9">{errors.synonyms}</Text>}
              <Button variant="light" size="xs" w="fit-content" disabled={draft.synonyms.length >= TOPIC_LIMITS.terms} onClick={addSynonym}>
                {t('form.addSynonym')}
              </Button>
            </Stack>
          </Stack>
        </Paper>
        {count > 0 && <Alert color="red" role="alert">{t('form.checkSummary', { count })}</Alert>}
        {error !== null && count === 0 && <Alert color="red" role="alert">{problemText(t, error)}</Alert>}
        <Group gap="sm">
          <Button type="submit" loading={busy}>{submitLabel}</Button>
          <Button variant="default" onClick={onCancel}>{t('form.cancel')}</Button>
        </Group>
      </Stack>
    </ImeSafeForm>
  );
}
