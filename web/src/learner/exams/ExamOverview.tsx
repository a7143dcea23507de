import { Alert, Anchor, Badge, Button, Group, List, Modal, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useQueries } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ProblemError } from '../../api/problem';
import { problemText } from '../../common/problemText';
import { koreaDateTime } from '../../common/time';
import { formatScore } from './AttemptResult';
import { examKeys, fetchAttempt, startAttempt, type EnrollmentExam, type TimedAttempt } from './examApi';

type Props = {
  exam: EnrollmentExam;
  progressPercent: number | undefined;
  rememberedIds: string[];
  onStarted: (timed: TimedAttempt) => void;
  onResume: (attemptId: string) => void;
};

/** The exam before an attempt: what it is, whether it can be taken now, the counted result and past attempts. */
export function ExamOverview({ exam, progressPercent, rememberedIds, onStarted, onResume }: Props) {
  const { t, i18n } = useTranslation('exams');
  const [confirming, setConfirming] = useState(false);
  const [starting, setStarting] = useState(false);
  const [problem, setProblem] = useState<unknown>(null);
  const left = Math.max(0, exam.attemptsAllowed - exam.attemptsUsed);
  const inProgress = exam.attemptInProgressId;
  const canStart = !inProgress && exam.open && exam.unlocked && left > 0;
  const percent = (value: number) => new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 1 }).format(value);

  const start = async () => {
    setStarting(true);
    setProblem(null);
    try {
      onStarted(await startAttempt(exam.id));
    } catch (error) {
      // Started elsewhere meanwhile: the server names the open attempt, so the learner goes straight to it.
      const open = error instanceof ProblemError && error.kind === 'attempt-in-progress' ? error.body.attemptId : undefined;
      if (typeof open === 'string') onResume(open);
      else setProblem(error);
    } finally {
      setStarting(false);
    }
  };

  return (
    <Stack gap="md">
      {exam.description && <Text style={{ whiteSpace: 'pre-wrap' }}>{exam.description}</Text>}

      <Table variant="vertical" withTableBorder layout="fixed" aria-label={t('facts.label')}>
        <Table.Tbody>
          <Fact label={t('facts.timeLimit')} value={t('facts.timeLimitValue', { count: exam.timeLimitMinutes })} />
          <Fact label={t('facts.questions')} value={t('facts.questionsValue', { count: exam.questionCount })} />
          <Fact label={t('facts.passScore')} value={t('facts.passScoreValue', { count: exam.passScore })} />
          <Fact label={t('facts.attempts')} value={t('facts.attemptsValue', { used: exam.attemptsUsed, allowed: exam.attemptsAllowed, left })} />
          <Fact label={t('facts.required')} value={exam.required ? t('facts.requiredYes') : t('facts.requiredNo')} />
          <Fact label={t('facts.window')} value={windowText(t, exam, i18n.language)} />
        </Table.Tbody>
      </Table>

      <Paper withBorder p="md">
        <Title order={2} size="h4" mb="xs">{t('best.title')}</Title>
        {exam.score === null ? (
          <Text size="sm">{t('best.none')}</Text>
        ) : (
          <Group gap="sm">
            <Text fw={700}>{t('best.score', { score: formatScore(exam.score, i18n.language) })}</Text>
            <Badge color={exam.passed ? 'teal.9' : 'red.9'}>{exam.passed ? t('best.passed') : t('best.failed')}</Badge>
          </Group>
        )}
      </Paper>

      {inProgress ? (
        <Alert color="blue">
          <Stack gap="xs">
            <Text size="sm">{t('start.inProgress')}</Text>
            <Button w="fit-content" onClick={() => onResume(inProgress)}>{t('start.resume')}</Button>
          </Stack>
        </Alert>
      ) : (
        <Stack gap="xs">
          <Text size="sm" role="note">{availability(t, exam, left, progressPercent, percent)}</Text>
          <Button w="fit-content" size="md" disabled={!canStart} onClick={() => setConfirming(true)}>{t('start.button')}</Button>
        </Stack>
      )}
      {problem !== null && !confirming && <Alert color="red" role="alert">{problemText(t, problem)}</Alert>}

      <PastAttempts ids={rememberedIds.filter((id) => id !== inProgress)} />

      <Modal opened={confirming} onClose={() => setConfirming(false)} title={t('start.confirmTitle')} centered closeButtonProps={{ 'aria-label': t('common:close') }}>
        <Stack gap="md">
          <Text size="sm">{t('start.confirmBody', { minutes: exam.timeLimitMinutes, number: exam.attemptsUsed + 1 })}</Text>
          {problem !== null && <Alert color="red" role="alert">{problemText(t, problem)}</Alert>}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={() => setConfirming(false)}>{t('common:cancel')}</Button>
            <Button loading={starting} onClick={() => void start()}>{t('start.confirm')}</Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}

function Fact({ label, value }: { label: string; value: string }) {
  return (
    <Table.Tr>
      <Table.Th scope="row" w="35%">{label}</Table.Th>
      <Table.Td>{value}</Table.Td>
    </Table.Tr>
  );
}

type T = ReturnType<typeof useTranslation>['t'];

function windowText(t: T, exam: EnrollmentExam, language: string): string {
  const at = (value: string) => `${koreaDateTime(value, language)}`;
  const kst = ` (${t('common:time.kst')})`;
  if (exam.opensAt && exam.closesAt) return t('facts.windowBetween', { from: at(exam.opensAt), until: at(exam.closesAt) }) + kst;
  if (exam.opensAt) return t('facts.windowFrom', { from: at(exam.opensAt) }) + kst;
  if (exam.closesAt) return t('facts.windowUntil', { until: at(exam.closesAt) }) + kst;
  return t('facts.windowAlways');
}

function availability(t: T, exam: EnrollmentExam, left: number, progress: number | undefined, percent: (n: number) => string): string {
  if (left === 0) return t('unlock.noAttemptsLeft');
  if (!exam.open) return t('unlock.notOpen');
  if (!exam.unlocked) {
    return progress === undefined
      ? t('unlock.lockedNoProgress', { percent: exam.unlockPercent })
      : t('unlock.locked', { percent: exam.unlockPercent, progress: percent(progress) });
  }
  return t('unlock.open');
}

/** Attempts this browser has seen, read fresh so keys that have since been revealed show up. */
function PastAttempts({ ids }: { ids: string[] }) {
  const { t, i18n } = useTranslation('exams');
  const attempts = useQueries({
    queries: ids.map((id) => ({ queryKey: examKeys.attempt(id), queryFn: () => fetchAttempt(id), staleTime: 0 })),
  });
  const graded = attempts.flatMap((q) => (q.data && q.data.attempt.state === 'GRADED' ? [q.data.attempt] : []))
    .sort((a, b) => b.number - a.number);
  if (graded.length === 0) return null;
  return (
    <Stack gap="xs">
      <Title order={2} size="h4">{t('history.title')}</Title>
      <Text size="sm" c="gray.7">{t('history.hint')}</Text>
      <List spacing={4}>
        {graded.map((attempt) => (
          <List.Item key={attempt.id}>
            <Anchor component={Link} to={`?attempt=${attempt.id}`}>
              {t('result.title', { number: attempt.number })}
            </Anchor>
            {attempt.score !== null && (
              <Text span size="sm"> · {t('result.score', { score: formatScore(attempt.score, i18n.language) })}
                {attempt.passed !== null && ` · ${attempt.passed ? t('result.passed') : t('result.failed')}`}
              </Text>
            )}
          </List.Item>
        ))}
      </List>
    </Stack>
  );
}
