import { Anchor, Stack, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { QueryState } from '../../common/QueryState';
import { usePageTitle } from '../../common/usePageTitle';
import { useOwnCourse } from '../ownCourse';
import { createExam, examKeys } from './examApi';
import { emptyExam } from './examDraft';
import { ExamForm } from './ExamForm';
import { notifyDone } from '../notify';

/** `/inst/courses/:courseId/exams/new`: a draft exam, saved as DRAFT; publishing comes after, on its own page. */
export function NewExamPage() {
  const { t } = useTranslation('instExams');
  const { courseId = '' } = useParams();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const course = useOwnCourse(courseId);
  const [draft, setDraft] = useState(emptyExam);
  usePageTitle(t('newExam.title'));
  return (
    <Stack gap="md" maw={1100}>
      <Anchor component={Link} to={`/inst/courses/${courseId}/exams`} size="sm" w="fit-content">{t('page.backToList')}</Anchor>
      <Title order={1}>{t('newExam.title')}</Title>
      <QueryState query={course}>
        {() => (
          <ExamForm draft={draft} onChange={setDraft} submitLabel={t('newExam.create')} onSubmit={async (request) => {
            const created = await createExam(courseId, request);
            queryClient.setQueryData(examKeys.exam(created.id), created);
            void queryClient.invalidateQueries({ queryKey: examKeys.course(courseId) });
            notifyDone(t('newExam.created'));
            navigate(`/inst/exams/${created.id}`, { replace: true });
          }} />
        )}
      </QueryState>
    </Stack>
  );
}
