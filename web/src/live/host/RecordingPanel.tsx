import { Alert, Button, Checkbox, Loader, Paper, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/clients';
import { call } from '../../api/call';
import { ImeSafeForm } from '../../common/ImeSafeForm';
import { ErrorAlert } from '../../common/QueryState';
import { fieldErrors, problemText } from '../../common/problemText';
import type { LiveSession } from '../classroom/useLiveSession';
import { findAttached, withRecording } from './attachPlan';
import { recordingOverdue } from './recordingPoll';

/** The ended session's recording: its state, and once READY, adding it to the course as a video. */
export function RecordingPanel({ session }: { session: LiveSession }) {
  const { t } = useTranslation('live');
  const headingId = useId();
  const recording = session.recording;
  return (
    <Paper component="section" withBorder p="md" aria-labelledby={headingId}>
      <Stack gap="sm">
        <Title order={2} size="h4" id={headingId}>{t('host.recording.title')}</Title>
        {!recording && (
          <Text size="sm" data-testid="recording-state">
            {recordingOverdue(session, Date.now()) ? t('host.recording.none') : t('host.recording.waiting')}
          </Text>
        )}
        {recording && (
          <Text size="sm" fw={600} data-testid="recording-state">
            {t(`host.recording.${recording.state === 'READY' || recording.state === 'FAILED' ? recording.state : 'PROCESSING'}`)}
          </Text>
        )}
        {recording?.state === 'FAILED' && recording.failure && <Text size="sm" c="dimmed">{t('host.recording.failure', { failure: recording.failure })}</Text>}
        {recording?.state === 'READY' && recording.fileId && (
          <AttachRecording courseProvideId={session.courseProvideId} fileId={recording.fileId} sessionTitle={session.title} />
        )}
      </Stack>
    </Paper>
  );
}

function AttachRecording({ courseProvideId, fileId, sessionTitle }: { courseProvideId: string; fileId: string; sessionTitle: string }) {
  const { t } = useTranslation('live');
  const queryClient = useQueryClient();
  const provision = useQuery({
    queryKey: ['institution', 'course-provide', courseProvideId],
    queryFn: () => call(api.institution.GET('/institution/v1/course-provides/{id}', { params: { path: { id: courseProvideId } } })),
  });
  const courseId = provision.data?.courseId;
  const structureKey = ['institution', 'structure', courseId] as const;
  const structure = useQuery({
    queryKey: structureKey,
    enabled: !!courseId,
    queryFn: async () => {
      let etag: string | null = null;
      const data = await call(api.institution.GET('/institution/v1/courses/{id}/structure', { params: { path: { id: courseId! } } }).then((result) => {
        etag = result.response.headers.get('ETag');
        return result;
      }));
      return { structure: data, etag };
    },
  });
  const [chapterId, setChapterId] = useState<string | null>(null);
  const [newChapterTitle, setNewChapterTitle] = useState(t('host.recording.newChapterDefault'));
  const [title, setTitle] = useState(sessionTitle);
  const [required, setRequired] = useState(false);
  const [attached, setAttached] = useState<{ chapter: string; item: string } | null>(null);
  const attach = useMutation({
    mutationFn: async (chapter: string) => {
      const current = structure.data!;
      const body = withRecording(current.structure, { fileId, title, required, chapterId: chapter === 'new' ? null : chapter, newChapterTitle });
      // If-Match: a structure someone changed since it was read is refused (412) rather than overwritten.
      return call(api.institution.PUT('/institution/v1/courses/{id}/structure', {
        params: { path: { id: courseId! } }, body, headers: current.etag ? { 'If-Match': current.etag } : {},
      }));
    },
    onSuccess: (saved) => {
      setAttached(findAttached(saved, fileId));
      void queryClient.invalidateQueries({ queryKey: structureKey });
    },
    onError: () => void queryClient.invalidateQueries({ queryKey: structureKey }),
  });

  if (provision.error) return <ErrorAlert error={provision.error} onRetry={() => void provision.refetch()} />;
  if (structure.error) return <ErrorAlert error={structure.error} onRetry={() => void structure.refetch()} />;
  if (!structure.data) return <Loader role="status" size="sm" aria-label={t('common:loading')} />;

  const already = attached ?? findAttached(structure.data.structure, fileId);
  if (already) {
    return (
      <Alert color="teal" variant="light" role="status">
        {t(attached ? 'host.recording.attached' : 'host.recording.alreadyAttached', already)}
      </Alert>
    );
  }
  const chapters = structure.data.structure.chapters;
  const selected = chapterId ?? chapters.at(-1)?.id ?? 'new';
  const server = fieldErrors(t, attach.error);
  return (
    <ImeSafeForm onSubmit={() => title.trim() && attach.mutate(selected)} aria-label={t('host.recording.attachTitle')}>
      <Stack gap="sm">
        <Title order={3} size="h5">{t('host.recording.attachTitle')}</Title>
        <Text size="sm">{t('host.recording.course', { title: provision.data?.courseTitle ?? '' })}</Text>
        <Select label={t('host.recording.chapter')} value={selected} allowDeselect={false} onChange={(value) => setChapterId(value)}
          data={[...chapters.map((chapter) => ({ value: chapter.id, label: chapter.title })), { value: 'new', label: t('host.recording.newChapter') }]} />
        {selected === 'new' && (
          <TextInput label={t('host.recording.newChapterTitle')} required value={newChapterTitle}
            onChange={(event) => setNewChapterTitle(event.currentTarget.value)} />
        )}
        <TextInput label={t('host.recording.itemTitle')} description={t('host.recording.itemTitleHint')} required value={title}
          onChange={(event) => setTitle(event.currentTarget.value)} error={!title.trim() ? t('host.prepare.required') : undefined} />
        <Checkbox label={t('host.recording.required')} checked={required} onChange={(event) => setRequired(event.currentTarget.checked)} />
        {attach.error ? (
          <Alert color="red" variant="light" role="alert">
            {problemText(t, attach.error)}{Object.values(server).length > 0 && ` ${Object.values(server).join(' ')}`}
          </Alert>
        ) : null}
        <Button type="submit" w="fit-content" loading={attach.isPending}>{t('host.recording.attach')}</Button>
      </Stack>
    </ImeSafeForm>
  );
}
