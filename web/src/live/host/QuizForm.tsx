import { Alert, Button, Fieldset, Group, NumberInput, Radio, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/clients';
import { call } from '../../api/call';
import type { components } from '../../api/generated/live';
import { ImeSafeForm } from '../../common/ImeSafeForm';
import { fieldErrors } from '../../common/problemText';
import { liveProblemText } from '../liveProblemText';
import { draftProblems, emptyDraft, maxOptions, minOptions, toRequest, withoutOption, type QuizDraft } from './quizDraft';

type QuizResponse = components['schemas']['QuizResponse'];

/** Prepare a quiz before or during the session: question, 2–6 options, the correct one, a solution, a time limit. */
export function QuizForm({ sessionId, onPrepared }: { sessionId: string; onPrepared: (quiz: QuizResponse) => void }) {
  const { t } = useTranslation('live');
  const headingId = useId();
  const [draft, setDraft] = useState<QuizDraft>(emptyDraft);
  const [tried, setTried] = useState(false);
  const [done, setDone] = useState(false);
  const prepare = useMutation({
    mutationFn: () => call(api.live.POST('/live/v1/sessions/{id}/quizzes', { params: { path: { id: sessionId } }, body: toRequest(draft) })),
    onSuccess: (quiz) => {
      onPrepared(quiz);
      setDraft(emptyDraft());
      setTried(false);
      setDone(true);
    },
  });
  const problems = tried ? draftProblems(draft) : [];
  const server = fieldErrors(t, prepare.error);
  const required = t('host.prepare.required');
  const change = (next: Partial<QuizDraft>) => {
    setDraft((current) => ({ ...current, ...next }));
    setDone(false);
  };
  const submit = () => {
    setTried(true);
    if (draftProblems(draft).length === 0) prepare.mutate();
  };

  return (
    <ImeSafeForm onSubmit={submit} aria-labelledby={headingId}>
      <Stack gap="sm">
        <Title order={3} size="h5" id={headingId}>{t('host.prepare.title')}</Title>
        <Textarea label={t('host.prepare.question')} required autosize minRows={2} maxLength={500} value={draft.question}
          onChange={(event) => change({ question: event.currentTarget.value })}
          error={problems.includes('question') ? required : server.question} />
        <Fieldset legend={t('quiz.options')} variant="unstyled">
          <Stack gap="xs">
            {draft.options.map((option, index) => (
              <Group key={index} gap="xs" align="flex-end" wrap="nowrap">
                <TextInput style={{ flex: 1 }} label={t('host.prepare.option', { number: index + 1 })} required maxLength={200} value={option}
                  onChange={(event) => change({ options: draft.options.map((o, i) => (i === index ? event.currentTarget.value : o)) })} />
                {draft.options.length > minOptions && (
                  <Button variant="default" onClick={() => change(withoutOption(draft, index))}
                    aria-label={t('host.prepare.removeOption', { number: index + 1 })}>
                    {t('chat.delete')}
                  </Button>
                )}
              </Group>
            ))}
            {(problems.includes('options') || server.options) && (
              <Text size="sm" c="red.9">{server.options ?? t('host.prepare.optionsRequired')}</Text>
            )}
            {draft.options.length < maxOptions && (
              <Button variant="default" size="xs" w="fit-content" onClick={() => change({ options: [...draft.options, ''] })}>
                {t('host.prepare.addOption')}
              </Button>
            )}
          </Stack>
        </Fieldset>
        <Radio.Group label={t('host.prepare.correct')} required value={draft.correctOption === null ? null : String(draft.correctOption)}
          onChange={(value) => change({ correctOption: Number(value) })}
          error={problems.includes('correctOption') ? required : server.correctOption}>
          <Group gap="md" mt={4}>
            {draft.options.map((_, index) => (
              <Radio key={index} value={String(index)} label={t('quiz.optionNumber', { number: index + 1 })} />
            ))}
          </Group>
        </Radio.Group>
        <Textarea label={t('host.prepare.solution')} autosize minRows={1} maxLength={2000} value={draft.solution}
          onChange={(event) => change({ solution: event.currentTarget.value })} error={server.solution} />
        <NumberInput label={t('host.prepare.duration')} description={t('host.prepare.durationHint')} required min={5} max={600} w={200}
          value={draft.timeLimitSeconds} onChange={(value) => change({ timeLimitSeconds: value })}
          error={problems.includes('timeLimitSeconds') ? t('host.prepare.durationHint') : server.timeLimitSeconds} />
        {prepare.error && Object.keys(server).length === 0 ? <Alert color="red" variant="light" role="alert">{liveProblemText(t, prepare.error)}</Alert> : null}
        {done && <Alert color="teal" variant="light" role="status">{t('host.prepare.prepared')}</Alert>}
        <Button type="submit" w="fit-content" loading={prepare.isPending}>{t('host.prepare.submit')}</Button>
      </Stack>
    </ImeSafeForm>
  );
}
