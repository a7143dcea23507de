import { Alert, Anchor, Button, Card, Group, Stack, Table, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api } from '../../api/clients';
import { call } from '../../api/call';
import { QueryState } from '../../common/QueryState';
import { problemText } from '../../common/problemText';
import { koreaDateTime } from '../../common/time';
import { usePageTitle } from '../../common/usePageTitle';
import { ConfirmModal } from './ConfirmModal';
import { ObsSettings } from './ObsSettings';
import { studioKeys, useSession, type Session } from './queries';
import { SessionForm, type SessionFields } from './SessionForm';
import { StateBadge } from './StateBadge';

export function SessionDetailPage() {
  const { sessionId = '' } = useParams();
  const query = useSession(sessionId);
  return <QueryState query={query}>{(session) => <SessionDetail session={session} />}</QueryState>;
}

function SessionDetail({ session }: { session: Session }) {
  const { t, i18n } = useTranslation('studio');
  usePageTitle(session.title);
  const queryClient = useQueryClient();
  const [saved, setSaved] = useState(false);
  const [cancelling, cancelDialog] = useDisclosure(false);
  const [ending, endDialog] = useDisclosure(false);
  const refresh = (next: Session) => {
    queryClient.setQueryData(studioKeys.session(session.id), next);
    void queryClient.invalidateQueries({ queryKey: ['live', 'studio', 'list'] });
  };
  const id = { params: { path: { id: session.id } } };
  const edit = useMutation({
    mutationFn: (fields: SessionFields) => call(api.live.PATCH('/live/v1/sessions/{id}', {
      ...id, body: { title: fields.title, scheduledStart: fields.scheduledStart, scheduledEnd: fields.scheduledEnd },
    })),
    onSuccess: (next) => { refresh(next); setSaved(true); },
  });
  const cancel = useMutation({
    mutationFn: () => call(api.live.POST('/live/v1/sessions/{id}/cancel', id)),
    onSuccess: (next) => { refresh(next); cancelDialog.close(); },
  });
  const end = useMutation({
    mutationFn: () => call(api.live.POST('/live/v1/sessions/{id}/end', id)),
    onSuccess: (next) => { refresh(next); endDialog.close(); },
  });
  const when = (instant: string | null) => instant ? koreaDateTime(instant, i18n.language) : '—';
  const scheduled = session.state === 'SCHEDULED';
  const live = session.state === 'LIVE';

  return (
    <Stack maw={760} gap="md">
      <Anchor component={Link} to="/inst/live" size="sm">{t('detail.back')}</Anchor>
      <Group gap="sm" align="center">
        <Title order={1}>{session.title}</Title>
        <StateBadge state={session.state} />
      </Group>
      <Table variant="vertical" withTableBorder={false}>
        <Table.Tbody>
          <Table.Tr><Table.Th w={140}>{t('detail.course')}</Table.Th><Table.Td>{session.courseTitle}</Table.Td></Table.Tr>
          <Table.Tr><Table.Th>{t('detail.scheduled')}</Table.Th><Table.Td>
            {t('common:time.period', { begin: when(session.scheduledStart), end: when(session.scheduledEnd) })} ({t('common:time.kst')})
          </Table.Td></Table.Tr>
          {session.startedAt && <Table.Tr><Table.Th>{t('detail.started')}</Table.Th><Table.Td>{when(session.startedAt)}</Table.Td></Table.Tr>}
          {session.endedAt && <Table.Tr><Table.Th>{t('detail.ended')}</Table.Th><Table.Td>{when(session.endedAt)}</Table.Td></Table.Tr>}
        </Table.Tbody>
      </Table>
      <Group>
        <Button component={Link} to={`/inst/live/${session.id}/host`} variant={live ? 'filled' : 'light'}>{t('detail.host')}</Button>
        {scheduled && <Button component={Link} to={`/inst/live/${session.id}/broadcast`}>{t('detail.broadcast')}</Button>}
        {scheduled && <Button color="red" variant="outline" onClick={cancelDialog.open}>{t('detail.cancel')}</Button>}
        {live && <Button color="red" onClick={endDialog.open}>{t('detail.end')}</Button>}
      </Group>
      {cancel.isSuccess && <Alert color="gray" role="status">{t('detail.cancelled')}</Alert>}
      {(cancel.error || end.error) ? <Alert color="red" role="alert">{problemText(t, cancel.error ?? end.error)}</Alert> : null}

      {scheduled && (
        <Card withBorder>
          <Stack gap="sm">
            <Title order={2} size="h3">{t('form.editTitle')}</Title>
            <SessionForm key={`${session.title}${session.scheduledStart}${session.scheduledEnd}`} initial={session} submitLabel={t('form.save')}
              label={t('form.editTitle')} busy={edit.isPending} error={edit.error} onSubmit={(fields) => { setSaved(false); edit.mutate(fields); }} />
            {saved && <Alert color="green" role="status">{t('form.saved')}</Alert>}
          </Stack>
        </Card>
      )}
      <ObsSettings sessionId={session.id} open={scheduled || live} />

      <ConfirmModal opened={cancelling} title={t('detail.cancelTitle')} body={t('detail.cancelBody')} confirm={t('detail.cancelConfirm')}
        keep={t('detail.keep')} busy={cancel.isPending} onConfirm={() => cancel.mutate()} onClose={cancelDialog.close} />
      <ConfirmModal opened={ending} title={t('detail.endTitle')} body={t('detail.endBody')} confirm={t('detail.endConfirm')}
        keep={t('detail.keep')} busy={end.isPending} onConfirm={() => end.mutate()} onClose={endDialog.close} />
    </Stack>
  );
}
