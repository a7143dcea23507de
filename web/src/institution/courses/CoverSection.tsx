import { Alert, Button, Group, Image, Paper, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/clients';
import { call } from '../../api/call';
import { FileUploader } from '../uploads/FileUploader';
import { courseProblemText } from './courseProblem';
import { courseRequest, fieldsOf } from './courseFields';
import { withReadyRetry } from './coverSave';
import { courseKeys, type Course } from './queries';

/** The course's cover image: shown from a short-lived link, replaced by an upload straight to storage, or removed. */
export function CoverSection({ course }: { course: Course }) {
  const { t } = useTranslation('instCourses');
  const headingId = useId();
  const queryClient = useQueryClient();
  const editable = course.state !== 'ARCHIVED';
  const link = useQuery({
    queryKey: ['content', 'file-url', course.coverFileId],
    enabled: !!course.coverFileId,
    queryFn: () => call(api.content.GET('/content/v1/files/{id}/url', { params: { path: { id: course.coverFileId! } } })),
    // The link lives five minutes; a fresh one is asked before it dies.
    staleTime: 4 * 60_000,
    refetchInterval: 4 * 60_000,
  });
  const save = useMutation({
    mutationFn: (coverFileId: string | null) => withReadyRetry(() => call(api.institution.PUT('/institution/v1/courses/{id}', {
      params: { path: { id: course.id } }, body: courseRequest(fieldsOf(course), coverFileId),
    })), 'coverFileId'),
    onSuccess: (saved) => {
      queryClient.setQueryData(courseKeys.course(course.id), saved);
      void queryClient.invalidateQueries({ queryKey: courseKeys.all });
    },
  });

  return (
    <Paper component="section" withBorder p="md" aria-labelledby={headingId}>
      <Stack gap="sm">
        <Title order={2} size="h4" id={headingId}>{t('cover.title')}</Title>
        {course.coverFileId ? (
          link.data
            ? <Image src={link.data.url} alt={t('cover.alt', { title: course.title })} maw={360} radius="sm" data-testid="cover-image" />
            : <Text size="sm">{link.error ? courseProblemText(t, link.error) : t('common:loading')}</Text>
        ) : <Text size="sm">{t('cover.none')}</Text>}
        {editable && (
          <>
            <Text size="sm" c="dimmed">{t('cover.hint')}</Text>
            <FileUploader courseId={course.id} purpose="cover" slot="cover" kind="IMAGE" label={t('cover.title')}
              onReady={(file) => save.mutate(file.id)} disabled={save.isPending} />
            {course.coverFileId && (
              <Group>
                <Button size="xs" variant="default" onClick={() => save.mutate(null)} loading={save.isPending && save.variables === null}>
                  {t('cover.remove')}
                </Button>
              </Group>
            )}
          </>
        )}
        {save.isSuccess && <Text size="sm" role="status">{save.data.coverFileId ? t('cover.saved') : t('cover.removed')}</Text>}
        {save.error ? <Alert color="red" role="alert">{courseProblemText(t, save.error)}</Alert> : null}
      </Stack>
    </Paper>
  );
}
