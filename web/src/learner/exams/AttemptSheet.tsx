import { Alert, Button, Group, Modal, Paper, Stack, Text, Title } from '@mantine/core';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { problemText } from '../../common/problemText';
import { isAnswered } from './autosave';
import { Countdown, useRemainingSeconds } from './Countdown';
import { submitAttempt, type TimedAttempt } from './examApi';
import { QuestionField } from './QuestionField';
import { useAutosave } from './useAutosave';
import { useFocusOnMount } from './useFocusOnMount';

type Phase = 'answering' | 'submitting' | 'time-up' | 'time-up-failed';

/** Saves still waiting go out this many seconds before the deadline, whatever their pause. */
const LAST_CALL_SECONDS = 3;

type Props = { timed: TimedAttempt; onGraded: (graded: TimedAttempt, byTime: boolean) => void; onReload: () => void };

/** Taking an attempt: the clock, the questions, answers saved as they are given, and the submission. */
export function AttemptSheet({ timed, onGraded, onReload }: Props) {
  const { t } = useTranslation('exams');
  const { attempt, offsetMs } = timed;
  const [phase, setPhase] = useState<Phase>('answering');
  const [problem, setProblem] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const finishing = useRef(false);
  const heading = useFocusOnMount<HTMLHeadingElement>();
  const seconds = useRemainingSeconds(attempt.deadline, offsetMs);

  const finishRef = useRef<(reason: 'learner' | 'time') => Promise<void>>(async () => undefined);
  const saver = useAutosave(attempt, () => void finishRef.current('time'));

  const finish = useCallback(async (reason: 'learner' | 'time') => {
    if (finishing.current) return;
    finishing.current = true;
    setConfirming(false);
    setProblem(null);
    setPhase(reason === 'time' ? 'time-up' : 'submitting');
    const flushed = await saver.flush();
    if (flushed === 'failed' && reason === 'learner') {
      // Submitting now would grade answers the server never got.
      setProblem(t('submit.saveFailed'));
      setPhase('answering');
      finishing.current = false;
      return;
    }
    saver.stop();
    try {
      const graded = await submitAttempt(attempt.id);
      saver.forget();
      onGraded(graded, reason === 'time');
    } catch (error) {
      if (reason === 'time') {
        setPhase('time-up-failed');
        return;
      }
      setProblem(problemText(t, error));
      setPhase('answering');
      finishing.current = false;
    }
  }, [attempt.id, onGraded, saver, t]);
  finishRef.current = finish;

  useEffect(() => {
    if (seconds === 0) void finish('time');
    else if (seconds <= LAST_CALL_SECONDS) void saver.flush();
  }, [seconds, finish, saver]);

  const answers = attempt.questions.map((q) => saver.queue.get(q.id));
  const answered = answers.filter(isAnswered).length;
  const unanswered = attempt.questions.length - answered;
  const locked = phase !== 'answering';

  return (
    <Stack gap="md">
      <Paper
        withBorder
        p="sm"
        shadow="xs"
        style={{ position: 'sticky', top: 'var(--app-shell-header-offset, 0px)', zIndex: 5 }}
      >
        <Group justify="space-between" gap="xs">
          <Countdown seconds={seconds} />
          <Text size="sm">{t('sheet.answered', { answered, total: attempt.questions.length })}</Text>
        </Group>
        <Text size="sm" c={saver.status === 'failed' ? 'red.9' : 'gray.7'} mt={4}>{t(`save.${saver.status}`)}</Text>
      </Paper>

      <Title order={2} ref={heading} tabIndex={-1}>{t('sheet.title', { number: attempt.number })}</Title>
      {saver.status === 'failed' && <Alert color="red" role="alert">{t('save.failed')}</Alert>}
      {(phase === 'time-up' || phase === 'time-up-failed') && (
        <Alert color="orange" title={t('timeUp.title')} role="alert">
          <Stack gap="xs">
            <Text size="sm">{phase === 'time-up' ? t('timeUp.submitting') : t('timeUp.failed')}</Text>
            {phase === 'time-up-failed' && <Button variant="light" w="fit-content" onClick={onReload}>{t('timeUp.reload')}</Button>}
          </Stack>
        </Alert>
      )}

      {attempt.questions.map((question, index) => (
        <QuestionField
          key={question.id}
          question={question}
          number={index + 1}
          answer={answers[index]}
          disabled={locked}
          onChange={(answer, kind) => saver.change(answer, kind)}
        />
      ))}

      {problem && <Alert color="red" role="alert">{problem}</Alert>}
      <Button size="md" onClick={() => setConfirming(true)} disabled={locked} loading={phase === 'submitting'}>
        {t('sheet.submit')}
      </Button>

      <Modal opened={confirming} onClose={() => setConfirming(false)} title={t('submit.confirmTitle')} centered closeButtonProps={{ 'aria-label': t('common:close') }}>
        <Stack gap="md">
          <Text size="sm">{t('submit.confirmBody')}</Text>
          <Text size="sm" fw={600} c={unanswered > 0 ? 'red.9' : undefined}>
            {unanswered > 0 ? t('submit.unanswered', { count: unanswered }) : t('submit.allAnswered')}
          </Text>
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={() => setConfirming(false)}>{t('submit.keepGoing')}</Button>
            <Button onClick={() => void finish('learner')}>{t('submit.confirm')}</Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
