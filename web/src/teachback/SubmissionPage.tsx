import { Anchor, Badge, Button, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ProblemError } from '../api/problem';
import { ErrorAlert } from '../common/QueryState';
import { StatusPage } from '../common/StatusPage';
import { koreaDateTime } from '../common/time';
import { usePageTitle } from '../common/usePageTitle';
import { FeedbackCard, Transcript } from './FeedbackCard';
import { Notice } from './Notice';
import { isFinal } from './polling';
import { RatingForm } from './RatingForm';
import { statusColor } from './statusColor';
import { reasonText } from './submissionText';
import type { Submission } from './submissionApi';
import { TeachbackLinks } from './TeachbackLinks';
import { usePolledSubmission } from './usePolledSubmission';

/** A submission's progress while it is scored, then its result: the feedback, or why there is none. */
export function SubmissionPage() {
  const { submissionId = '' } = useParams();
  const { t, i18n } = useTranslation('teachback');
  usePageTitle(t('result.title'));
  const polled = usePolledSubmission(submissionId);
  const { submission, state, error } = polled;

  if (state === 'refused' && error instanceof ProblemError && error.status === 404) return <StatusPage kind="not-found" />;
  return (
    <Stack maw={760} gap="md">
      <Stack gap="xs">
        <Title order={1}>{t('result.title')}</Title>
        <TeachbackLinks />
      </Stack>
      {submission && (
        <Stack gap={2}>
          <Text fw={600} style={{ wordBreak: 'keep-all' }}>{submission.topicTitle}</Text>
          <Text size="sm" c="dimmed">{t('result.submittedAt', { time: koreaDateTime(submission.createdAt, i18n.language) })}</Text>
        </Stack>
      )}
      {/* One live region: the waiting, then the result, are read out as they change. */}
      <div role="status" aria-live="polite" aria-atomic="true">
        {state === 'polling' && (!submission || !isFinal(submission.status)) && <Waiting />}
        {submission && isFinal(submission.status) && <Outcome submission={submission} />}
        {state === 'capped' && <Notice tone="warning">{t('result.capped')}</Notice>}
      </div>
      {state === 'refused' && <ErrorAlert error={error} onRetry={polled.again} />}
      {state === 'capped' && <Button variant="default" w="fit-content" onClick={polled.again}>{t('result.checkAgain')}</Button>}
      {submission?.status === 'SUCCEEDED' && <FeedbackCard submission={submission} />}
      {submission && isFinal(submission.status) && submission.transcript && <Transcript text={submission.transcript} />}
      {submission?.status === 'SUCCEEDED' && (
        <RatingForm submissionId={submission.id} stars={submission.helpfulnessStars} onRated={polled.rated} />
      )}
      {submission && isFinal(submission.status) && (
        <Anchor component={Link} to={`/teachback/topics/${submission.topicId}`} w="fit-content">{t('result.again')}</Anchor>
      )}
    </Stack>
  );
}

function Waiting() {
  const { t } = useTranslation('teachback');
  const seconds = useSecondsSince();
  return (
    <Group gap="sm" wrap="nowrap" align="flex-start">
      <Loader size="sm" aria-hidden />
      <Stack gap={0}>
        <Text>{t('result.pending')}</Text>
        {/* The count is for the eye; the live region would read it out every second. */}
        <Text size="sm" c="dimmed" aria-hidden>{t('result.waited', { seconds })}</Text>
      </Stack>
    </Group>
  );
}

function Outcome({ submission }: { submission: Submission }) {
  const { t } = useTranslation('teachback');
  const reason = reasonText(t, submission.reason);
  const succeeded = submission.status === 'SUCCEEDED';
  return (
    <Notice tone={succeeded ? 'success' : submission.status === 'NO_SPEECH' ? 'warning' : 'failure'}>
      <Stack gap={6} align="flex-start">
        <Badge color={statusColor(submission.status)}>{t(`status.${submission.status}`)}</Badge>
        <Text>{t(`result.${submission.status}`, { score: submission.score ?? 0 })}</Text>
        {!succeeded && reason && <Text size="sm">{t('result.reason', { reason })}</Text>}
      </Stack>
    </Notice>
  );
}

function useSecondsSince(): number {
  const [started] = useState(() => Date.now());
  const [seconds, setSeconds] = useState(0);
  useEffect(() => {
    const timer = window.setInterval(() => setSeconds(Math.floor((Date.now() - started) / 1000)), 1000);
    return () => window.clearInterval(timer);
  }, [started]);
  return seconds;
}
