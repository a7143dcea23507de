import { Button, Loader, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../api/clients';
import { call } from '../../api/call';
import { problemText } from '../../common/problemText';
import type { RecordingStateName } from './hub/hubTypes';
import { recordingItem } from './recordingItem';

type Props = { courseProvideId: string; sessionTitle: string; recording: RecordingStateName | null };

/** After the end: the recording when the course offers it, else where it will appear and how far it is. */
export function EndedRecording({ courseProvideId, sessionTitle, recording }: Props) {
  const { t } = useTranslation('live');
  const query = useQuery({
    queryKey: ['live', 'recording-item', courseProvideId, sessionTitle],
    queryFn: async () => {
      const enrollmentId = await enrollmentFor(courseProvideId);
      if (!enrollmentId) return { enrollmentId: null, itemId: null };
      const enrollment = await call(api.student.GET('/student/v1/enrollments/{id}', { params: { path: { id: enrollmentId } } }));
      return { enrollmentId, itemId: recordingItem(enrollment, sessionTitle)?.id ?? null };
    },
  });

  if (query.isPending) return <Loader role="status" size="sm" aria-label={t('common:loading')} />;
  const found = query.data;
  if (found?.enrollmentId && found.itemId) {
    return (
      <>
        <Text>{t('recording.offered')}</Text>
        <Button component={Link} to={`/courses/${found.enrollmentId}/items/${found.itemId}`}>{t('recording.watch')}</Button>
      </>
    );
  }
  return (
    <>
      <Text>{recording === 'PROCESSING' ? t('recording.processing') : recording === 'READY' ? t('recording.ready') : t('recording.none')}</Text>
      {query.error ? <Text size="sm" c="red.9">{problemText(t, query.error)}</Text> : null}
      <Button variant="default" component={Link} to={found?.enrollmentId ? `/courses/${found.enrollmentId}` : '/courses'}>
        {found?.enrollmentId ? t('recording.courseRoom') : t('recording.myCourses')}
      </Button>
    </>
  );
}

async function enrollmentFor(courseProvideId: string): Promise<string | null> {
  for (let page = 1; page <= 10; page++) {
    const list = await call(api.student.GET('/student/v1/enrollments', { params: { query: { page, size: 100 } } }));
    const found = list.items.find((enrollment) => enrollment.courseProvideId === courseProvideId);
    if (found) return found.id;
    if (page * list.size >= list.total) return null;
  }
  return null;
}
