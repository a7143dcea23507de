import { Anchor, Badge, Group, Stack, Text, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { useSession } from '../../auth/useSession';
import { QueryState } from '../../common/QueryState';
import { StatusPage } from '../../common/StatusPage';
import { usePageTitle } from '../../common/usePageTitle';
import { rememberAttempt, rememberedAttempts } from './attemptHistory';
import { AttemptResult } from './AttemptResult';
import { AttemptSheet } from './AttemptSheet';
import { examKeys, fetchAttempt, fetchEnrollment, fetchExams, type EnrollmentExam, type TimedAttempt } from './examApi';
import { ExamOverview } from './ExamOverview';

const browserStorage = () => (typeof localStorage === 'undefined' ? undefined : localStorage);

/**
 * `/courses/:enrollmentId/exams/:examId`: the exam's overview, or with `?attempt=` one attempt (taking it, or its
 * result). The attempt id in the address is what brings a reloaded page back to the same attempt.
 */
export function ExamPage() {
  const { t } = useTranslation('exams');
  const { enrollmentId = '', examId = '' } = useParams();
  const exams = useQuery({ queryKey: examKeys.list(enrollmentId), queryFn: () => fetchExams(enrollmentId) });
  const exam = exams.data?.find((e) => e.id === examId);
  usePageTitle(exam?.title);
  return (
    <Stack gap="md" maw={760} mx="auto">
      <Anchor component={Link} to={`/courses/${enrollmentId}`} size="sm" w="fit-content">{t('backToCourse')}</Anchor>
      <QueryState query={exams}>
        {() => (exam ? <ExamBody exam={exam} enrollmentId={enrollmentId} /> : <StatusPage kind="not-found" />)}
      </QueryState>
    </Stack>
  );
}

function ExamBody({ exam, enrollmentId }: { exam: EnrollmentExam; enrollmentId: string }) {
  const { t } = useTranslation('exams');
  const { me } = useSession();
  const queryClient = useQueryClient();
  const [params, setParams] = useSearchParams();
  const attemptId = params.get('attempt');
  const enrollment = useQuery({ queryKey: examKeys.enrollment(enrollmentId), queryFn: () => fetchEnrollment(enrollmentId) });
  const userId = me?.userId ?? '';

  const open = useCallback((id: string) => {
    if (userId) rememberAttempt(browserStorage(), userId, exam.id, id);
    setParams({ attempt: id });
  }, [exam.id, setParams, userId]);

  const started = useCallback((timed: TimedAttempt) => {
    queryClient.setQueryData(examKeys.attempt(timed.attempt.id), timed);
    void queryClient.invalidateQueries({ queryKey: examKeys.list(enrollmentId) });
    open(timed.attempt.id);
  }, [enrollmentId, open, queryClient]);

  const kind = exam.kind === 'MID' || exam.kind === 'FINAL' ? t(`kind.${exam.kind}`) : t('kind.other');
  return (
    <Stack gap="md">
      <Stack gap={4}>
        <Group gap="xs">
          <Badge variant="light">{kind}</Badge>
          {enrollment.data && <Text size="sm" c="gray.7">{enrollment.data.courseTitle}</Text>}
        </Group>
        <Title order={1}>{exam.title}</Title>
      </Stack>
      {attemptId ? (
        <>
          <Anchor component={Link} to="?" size="sm" w="fit-content">{t('backToExam')}</Anchor>
          <AttemptScreen key={attemptId} exam={exam} attemptId={attemptId} enrollmentId={enrollmentId} />
        </>
      ) : (
        <ExamOverview
          exam={exam}
          progressPercent={enrollment.data?.progressPercent}
          rememberedIds={userId ? rememberedAttempts(browserStorage(), userId, exam.id) : []}
          onStarted={started}
          onResume={open}
        />
      )}
    </Stack>
  );
}

function AttemptScreen({ exam, attemptId, enrollmentId }: { exam: EnrollmentExam; attemptId: string; enrollmentId: string }) {
  const queryClient = useQueryClient();
  const [endedByTime, setEndedByTime] = useState(false);
  // Read afresh whenever the attempt opens (a copy cached earlier may lack answers saved since), and then left alone:
  // refetching under a learner who is answering would only repeat what the page already holds.
  const attempt = useQuery({
    queryKey: examKeys.attempt(attemptId),
    queryFn: () => fetchAttempt(attemptId),
    staleTime: Infinity,
    refetchOnMount: 'always',
    refetchOnReconnect: false,
  });
  const fresh = { ...attempt, isPending: !attempt.isFetchedAfterMount && !attempt.error };

  const graded = useCallback((timed: TimedAttempt, byTime: boolean) => {
    setEndedByTime(byTime);
    queryClient.setQueryData(examKeys.attempt(attemptId), timed);
    void queryClient.invalidateQueries({ queryKey: examKeys.list(enrollmentId) });
    void queryClient.invalidateQueries({ queryKey: examKeys.enrollment(enrollmentId) });
  }, [attemptId, enrollmentId, queryClient]);

  return (
    <QueryState query={fresh}>
      {({ attempt: view, offsetMs }) => {
        if (view.examId !== exam.id) return <StatusPage kind="not-found" />;
        if (view.state === 'GRADED') return <AttemptResult exam={exam} attempt={view} endedByTime={endedByTime} />;
        return <AttemptSheet timed={{ attempt: view, offsetMs }} onGraded={graded} onReload={() => void attempt.refetch()} />;
      }}
    </QueryState>
  );
}
