import { Anchor, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { api } from '../../api/clients';
import { call } from '../../api/call';
import { usePageTitle } from '../../common/usePageTitle';
import { CourseForm } from './CourseForm';
import { courseRequest, EMPTY_FIELDS, type CourseFields } from './courseFields';
import { courseKeys } from './queries';

export function NewCoursePage() {
  const { t } = useTranslation('instCourses');
  usePageTitle(t('create.title'));
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const create = useMutation({
    mutationFn: (fields: CourseFields) => call(api.institution.POST('/institution/v1/courses', { body: courseRequest(fields, null) })),
    onSuccess: (course) => {
      void queryClient.invalidateQueries({ queryKey: courseKeys.all });
      queryClient.setQueryData(courseKeys.course(course.id), course);
      navigate(`/inst/courses/${course.id}`, { state: { created: true } });
    },
  });
  return (
    <Stack gap="md" maw={720}>
      <Anchor component={Link} to="/inst/courses" size="sm">{t('list.back')}</Anchor>
      <Title order={1}>{t('create.title')}</Title>
      <Text size="sm" c="dimmed">{t('create.intro')}</Text>
      <CourseForm initial={EMPTY_FIELDS} label={t('create.title')} submitLabel={t('create.submit')} busy={create.isPending}
        error={create.error} onSubmit={(fields) => create.mutate(fields)} />
    </Stack>
  );
}
