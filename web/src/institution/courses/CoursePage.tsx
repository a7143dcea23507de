import { Alert, Anchor, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import { api } from '../../api/clients';
import { call } from '../../api/call';
import { QueryState } from '../../common/QueryState';
import { koreaDateTime } from '../../common/time';
import { usePageTitle } from '../../common/usePageTitle';
import { ConfirmModal } from './ConfirmModal';
import { CourseForm } from './CourseForm';
import { courseProblemText } from './courseProblem';
import { courseRequest, fieldsOf, type CourseFields } from './courseFields';
import { CourseStateBadge } from './CourseStateBadge';
import { CoverSection } from './CoverSection';
import { courseKeys, useCourse, type Course } from './queries';

export function CoursePage() {
  const { courseId = '' } = useParams();
  const query = useCourse(courseId);
  return <QueryState query={query}>{(course) => <CourseView course={course} />}</QueryState>;
}

function CourseView({ course }: { course: Course }) {
  const { t, i18n } = useTranslation('instCourses');
  usePageTitle(course.title);
  const created = (useLocation().state as { created?: boolean } | null)?.created === true;
  const queryClient = useQueryClient();
  const detailsId = useId();
  const [asking, setAsking] = useState<'publish' | 'archive' | null>(null);
  const saved = (next: Course) => {
    queryClient.setQueryData(courseKeys.course(course.id), next);
    void queryClient.invalidateQueries({ queryKey: courseKeys.all });
  };
  const edit = useMutation({
    mutationFn: (fields: CourseFields) => call(api.institution.PUT('/institution/v1/courses/{id}', {
      params: { path: { id: course.id } }, body: courseRequest(fields, course.coverFileId),
    })),
    onSuccess: saved,
  });
  const move = useMutation({
    mutationFn: (step: 'publish' | 'archive') => step === 'publish'
      ? call(api.institution.POST('/institution/v1/courses/{id}/publish', { params: { path: { id: course.id } } }))
      : call(api.institution.POST('/institution/v1/courses/{id}/archive', { params: { path: { id: course.id } } })),
    onSuccess: (next) => {
      saved(next);
      setAsking(null);
    },
    onError: () => setAsking(null),
  });

  return (
    <Stack gap="md" maw={880}>
      <Anchor component={Link} to={`/inst/courses?state=${course.state}`} size="sm">{t('list.back')}</Anchor>
      <Group justify="space-between" align="flex-start">
        <Stack gap={4}>
          <Title order={1}>{course.title}</Title>
          <Group gap="xs">
            <CourseStateBadge state={course.state} />
            <Text size="sm" c="dimmed">{course.category.title} · {t('list.days', { count: course.periodDays })}</Text>
          </Group>
          <Text size="xs" c="dimmed">{t('detail.updated', { at: koreaDateTime(course.updatedAt, i18n.language) })}</Text>
        </Stack>
        <Group gap="xs">
          <Button component={Link} to={`/inst/courses/${course.id}/builder`} variant="light">{t('detail.builder')}</Button>
          {course.state === 'DRAFT' && <Button onClick={() => setAsking('publish')}>{t('detail.publish')}</Button>}
          {course.state === 'PUBLISHED' && <Button color="red.8" variant="outline" onClick={() => setAsking('archive')}>{t('detail.archive')}</Button>}
        </Group>
      </Group>
      {created && <Alert color="teal" variant="light" role="status">{t('create.done')}</Alert>}
      {move.isSuccess && <Alert color="teal" variant="light" role="status">{t(`detail.${move.variables}ed`)}</Alert>}
      {move.error ? <Alert color="red" role="alert">{courseProblemText(t, move.error)}</Alert> : null}
      {course.state === 'ARCHIVED' && <Alert color="gray" variant="light">{t('detail.archivedNote')}</Alert>}
      <Paper component="section" withBorder p="md" aria-labelledby={detailsId}>
        <Stack gap="sm">
          <Title order={2} size="h4" id={detailsId}>{t('detail.details')}</Title>
          <CourseForm key={course.version} initial={fieldsOf(course)} label={t('detail.details')} submitLabel={t('detail.save')}
            busy={edit.isPending} error={edit.error} disabled={course.state === 'ARCHIVED'} onSubmit={(fields) => edit.mutate(fields)} />
          {edit.isSuccess && <Text size="sm" role="status">{t('common:saved')}</Text>}
        </Stack>
      </Paper>
      <CoverSection course={course} />
      <ConfirmModal opened={asking === 'publish'} title={t('detail.publishAsk')} body={t('detail.publishBody')} confirm={t('detail.publish')}
        keep={t('common:cancel')} busy={move.isPending} onConfirm={() => move.mutate('publish')} onClose={() => setAsking(null)} />
      <ConfirmModal opened={asking === 'archive'} title={t('detail.archiveAsk')} body={t('detail.archiveBody')} confirm={t('detail.archive')}
        keep={t('common:cancel')} busy={move.isPending} danger onConfirm={() => move.mutate('archive')} onClose={() => setAsking(null)} />
    </Stack>
  );
}
