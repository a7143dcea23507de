import { Alert, Badge, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/clients';
import { call } from '../../api/call';
import type { components } from '../../api/generated/live';
import { Tallies } from '../classroom/quiz/Tallies';
import { useSecondsLeft } from '../classroom/quiz/useSecondsLeft';
import { liveProblemText } from '../liveProblemText';
import type { HostQuiz } from './hostQuizzes';

type QuizResponse = components['schemas']['QuizResponse'];

const stateColors = { PREPARED: 'blue.8', OPEN: 'red.9', CLOSED: 'gray.7' } as const;

type Props = {
  quiz: HostQuiz;
  offsetMs: number;
  /** Why it cannot be pushed now (not live, another quiz open), in words; null when it can. */
  pushBlocked: string | null;
  onSaved: (quiz: QuizResponse) => void;
};

/** One quiz on the desk: push it, watch the tallies come in, close it. */
export function HostQuizCard({ quiz, offsetMs, pushBlocked, onSaved }: Props) {
  const { t } = useTranslation('live');
  const left = useSecondsLeft(quiz.state === 'OPEN' ? quiz.endsAt : null, offsetMs);
  const push = useMutation({
    mutationFn: () => call(api.live.POST('/live/v1/quizzes/{id}/push', { params: { path: { id: quiz.id } } })),
    onSuccess: onSaved,
  });
  const close = useMutation({
    mutationFn: () => call(api.live.POST('/live/v1/quizzes/{id}/close', { params: { path: { id: quiz.id } } })),
    onSuccess: onSaved,
  });
  const error = push.error ?? close.error;
  const answered = quiz.counts.reduce((sum, count) => sum + count, 0);

  return (
    <Paper component="li" withBorder p="sm" radius="md" data-testid="host-quiz">
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start" gap="xs" wrap="nowrap">
          <Text fw={600} style={{ whiteSpace: 'pre-wrap' }}>{quiz.question}</Text>
          <Badge variant="filled" color={stateColors[quiz.state]}>{t(`host.quizStates.${quiz.state}`)}</Badge>
        </Group>
        {quiz.state === 'OPEN' && <Text fw={700} role="timer" aria-label={t('quiz.timeLeftLabel')}>{t('quiz.timeLeft', { seconds: left })}</Text>}
        {quiz.state === 'PREPARED'
          ? (
            <Stack gap={2} component="ol" style={{ margin: 0, paddingLeft: 20 }}>
              {quiz.options.map((option, index) => (
                <Text component="li" size="sm" key={index} fw={index === quiz.correctOption ? 700 : 400}>
                  {option}{index === quiz.correctOption && <Text span size="sm" fw={700} c="teal.9"> · {t('quiz.correctMark')}</Text>}
                </Text>
              ))}
            </Stack>
          )
          : (
            <>
              <Text size="sm" aria-live="polite">{t('host.answers', { count: answered })}</Text>
              <Tallies options={quiz.options} counts={quiz.counts} correctOption={quiz.correctOption} />
              {quiz.correctOption === null && <Text size="sm" c="dimmed">{t('host.unknownCorrect')}</Text>}
            </>
          )}
        {quiz.solution && <Text size="sm" c="dimmed" style={{ whiteSpace: 'pre-wrap' }}>{t('quiz.solution')}: {quiz.solution}</Text>}
        {error ? <Alert color="red" variant="light" role="alert" p="xs"><Text size="sm">{liveProblemText(t, error)}</Text></Alert> : null}
        {quiz.state === 'PREPARED' && (
          <Group gap="xs">
            <Button size="xs" onClick={() => push.mutate()} loading={push.isPending} disabled={pushBlocked !== null}
              aria-label={t('host.pushLabel', { question: quiz.question })}>
              {t('host.push')}
            </Button>
            {pushBlocked && <Text size="xs" c="dimmed">{pushBlocked}</Text>}
          </Group>
        )}
        {quiz.state === 'OPEN' && (
          <Button size="xs" color="red.9" w="fit-content" onClick={() => close.mutate()} loading={close.isPending}
            aria-label={t('host.closeLabel', { question: quiz.question })}>
            {t('host.close')}
          </Button>
        )}
      </Stack>
    </Paper>
  );
}
