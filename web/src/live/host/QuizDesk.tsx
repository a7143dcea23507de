import { Paper, Stack, Text, Title } from '@mantine/core';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { components } from '../../api/generated/live';
import { HostQuizCard } from './HostQuizCard';
import { openQuiz, type HostQuiz } from './hostQuizzes';
import { QuizForm } from './QuizForm';

type QuizResponse = components['schemas']['QuizResponse'];

type Props = {
  sessionId: string;
  state: string;
  quizzes: HostQuiz[];
  offsetMs: number;
  onSaved: (quiz: QuizResponse) => void;
};

/** The host's quizzes: prepared ahead or on the spot, pushed one at a time while live. */
export function QuizDesk({ sessionId, state, quizzes, offsetMs, onSaved }: Props) {
  const { t } = useTranslation('live');
  const headingId = useId();
  const open = openQuiz(quizzes);
  const canPrepare = state === 'SCHEDULED' || state === 'LIVE';
  const pushBlocked = state !== 'LIVE' ? t('host.pushNeedsLive') : open ? t('common:problem.quiz-open') : null;
  // The newest first: the one just prepared is the one about to be pushed.
  const ordered = [...quizzes].reverse();
  return (
    <Paper component="section" withBorder p="md" aria-labelledby={headingId}>
      <Stack gap="md">
        <Title order={2} size="h4" id={headingId}>{t('host.quizzes')}</Title>
        <Stack gap="xs">
          <Title order={3} size="h5">{t('host.prepared')}</Title>
          {quizzes.length === 0
            ? <Text size="sm" c="dimmed">{t('host.noQuizzes')}</Text>
            : (
              <Stack component="ul" gap="xs" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
                {ordered.map((quiz) => (
                  <HostQuizCard key={quiz.id} quiz={quiz} offsetMs={offsetMs} pushBlocked={pushBlocked} onSaved={onSaved} />
                ))}
              </Stack>
            )}
          <Text size="xs" c="dimmed">{t('host.storedHere')}</Text>
        </Stack>
        {canPrepare && <QuizForm sessionId={sessionId} onPrepared={onSaved} />}
      </Stack>
    </Paper>
  );
}
