import { Alert, Anchor, Button, Group, Stack, Tabs, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { isProblem } from '../../api/problem';
import { QueryState } from '../../common/QueryState';
import { koreaDateTime } from '../../common/time';
import { usePageTitle } from '../../common/usePageTitle';
import { ConfirmAction } from '../ConfirmAction';
import { AttemptsTable } from './AttemptsTable';
import { deleteExam, examKeys, publishExam, replaceExam, useExam } from './examApi';
import { fromExam, toExamRequest, type Exam, type ExamDraft } from './examDraft';
import { ExamForm } from './ExamForm';
import { examProblemText } from './examProblemText';
import { ExamStateBadge } from './ExamStateBadge';
import { notifyDone } from '../notify';

/** `/inst/exams/:id` (`?tab=attempts`): the question sheet to edit, publish or delete, and who took the exam. */
export function ExamPage() {
  const { id = '' } = useParams();
  const exam = useExam(id);
  usePageTitle(exam.data?.title);
  return (
    <Stack gap="md" maw={1100}>
      <QueryState query={exam}>
        {(found) => <ExamView key={`${found.id}:${found.version}`} exam={found} onReload={() => void exam.refetch()} />}
      </QueryState>
    </Stack>
  );
}

type Confirming = 'publish' | 'delete' | null;

/** Keyed by the exam's version: a save, a publication or a reload starts the form again from what the server holds. */
function ExamView({ exam, onReload }: { exam: Exam; onReload: () => void }) {
  const { t, i18n } = useTranslation('instExams');
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') === 'attempts' ? 'attempts' : 'sheet';
  const [draft, setDraft] = useState<ExamDraft>(() => fromExam(exam));
  const saved = useMemo(() => JSON.stringify(toExamRequest(fromExam(exam))), [exam]);
  const dirty = JSON.stringify(toExamRequest(draft)) !== saved;
  const [confirming, setConfirming] = useState<Confirming>(null);
  const [busy, setBusy] = useState(false);
  const [actionError, setActionError] = useState<unknown>(null);
  const [saveFirst, setSaveFirst] = useState(false);
  const list = `/inst/courses/${exam.courseId}/exams`;

  const stored = (next: Exam) => {
    queryClient.setQueryData(examKeys.exam(next.id), next);
    void queryClient.invalidateQueries({ queryKey: examKeys.course(next.courseId) });
  };

  const save = async (request: ReturnType<typeof toExamRequest>) => {
    stored(await replaceExam(exam.id, exam.version, request));
    notifyDone(t('page.saved'));
  };

  const act = async () => {
    setBusy(true);
    setActionError(null);
    try {
      if (confirming === 'publish') {
        stored(await publishExam(exam.id, exam.version));
        notifyDone(t('page.published'));
      } else {
        await deleteExam(exam.id, exam.version);
        queryClient.removeQueries({ queryKey: examKeys.exam(exam.id) });
        void queryClient.invalidateQueries({ queryKey: examKeys.course(exam.courseId) });
        notifyDone(t('page.deleted'));
        navigate(list, { replace: true });
      }
      setConfirming(null);
    } catch (error) {
      setActionError(error);
    } finally {
      setBusy(false);
    }
  };

  const published = exam.state === 'PUBLISHED';
  return (
    <>
      <Anchor component={Link} to={list} size="sm" w="fit-content">{t('page.backToList')}</Anchor>
      <Stack gap={4}>
        <Title order={1} style={{ overflowWrap: 'anywhere' }}>{exam.title}</Title>
        <Group gap="xs">
          <ExamStateBadge state={exam.state} />
          <Text size="sm">
            {t('page.stateLine', { state: t(`state.${exam.state}`, { defaultValue: exam.state }), points: exam.totalPoints, count: exam.questions.length })}
            {exam.publishedAt && ` · ${t('page.publishedAt', { time: koreaDateTime(exam.publishedAt, i18n.language) })}`}
          </Text>
        </Group>
      </Stack>
      <Tabs value={tab} onChange={(value) => setParams(value === 'attempts' ? { tab: 'attempts' } : {}, { replace: true })} keepMounted={false}>
        <Tabs.List aria-label={t('page.tabs')}>
          <Tabs.Tab value="sheet">{t('page.sheet')}</Tabs.Tab>
          <Tabs.Tab value="attempts">{t('page.attempts')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="sheet" pt="md">
          <Stack gap="md">
            {published && <Alert color="blue" variant="light">{t('page.publishedNote')}</Alert>}
            <ExamForm
              draft={draft}
              onChange={(next) => { setDraft(next); setSaveFirst(false); }}
              submitLabel={t('page.save')}
              onSubmit={save}
              refusal={(error) => isProblem(error, 'stale-exam') ? (
                <Alert color="red" role="alert">
                  <Stack gap="xs">
                    <Text size="sm">{examProblemText(t, error)}</Text>
                    <Button size="xs" variant="light" w="fit-content" onClick={onReload}>{t('page.staleReload')}</Button>
                  </Stack>
                </Alert>
              ) : undefined}
              actions={(
                <>
                  {!published && (
                    <Button variant="light" onClick={() => (dirty ? setSaveFirst(true) : setConfirming('publish'))}>{t('page.publish')}</Button>
                  )}
                  <Button variant="default" c="red.9" onClick={() => setConfirming('delete')}>{t('page.delete')}</Button>
                  {dirty && <Text size="sm" role="status">{t('page.unsaved')}</Text>}
                </>
              )}
            />
            {saveFirst && <Alert color="yellow" role="alert">{t('page.publishFirstSave')}</Alert>}
          </Stack>
        </Tabs.Panel>
        <Tabs.Panel value="attempts" pt="md">
          <AttemptsTable examId={exam.id} />
        </Tabs.Panel>
      </Tabs>
      <ConfirmAction
        opened={confirming !== null}
        title={confirming === 'publish' ? t('page.publishTitle') : t('page.deleteTitle')}
        body={confirming === 'publish' ? t('page.publishBody') : published ? t('page.deleteBodyPublished') : t('page.deleteBodyDraft')}
        confirmLabel={confirming === 'publish' ? t('page.publish') : t('page.delete')}
        keepLabel={t('page.keep')}
        danger={confirming === 'delete'}
        busy={busy}
        errorText={actionError ? examProblemText(t, actionError) : null}
        onConfirm={() => void act()}
        onClose={() => { setConfirming(null); setActionError(null); }}
      />
    </>
  );
}
