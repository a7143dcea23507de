import { Alert, Anchor, Button, Group, List, Modal, Stack, Table, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import { api } from '../../api/clients';
import { call } from '../../api/call';
import { useSession } from '../../auth/useSession';
import { QueryState } from '../../common/QueryState';
import { problemText } from '../../common/problemText';
import { koreaDate } from '../../common/time';
import { usePageTitle } from '../../common/usePageTitle';
import { lastReturnReason } from './history';
import { ProgressTable } from './ProgressTable';
import { ProvisionHistory } from './ProvisionHistory';
import { ProvisionStateBadge } from './ProvisionStateBadge';
import { corpKeys, useMembers, useProgress, useProvision, type MemberView, type Provision } from './queries';
import { isRegistered, rosterEditable } from './roster';
import { RosterEditor } from './RosterEditor';

export function ProvisionDetailPage() {
  const { provisionId = '' } = useParams();
  const query = useProvision(provisionId);
  return <QueryState query={query}>{(provision) => <ProvisionDetail provision={provision} />}</QueryState>;
}

const WITH_LEARNERS = new Set(['REGISTERED', 'IN_PROGRESS', 'FINISHED']);

function ProvisionDetail({ provision }: { provision: Provision }) {
  const { t, i18n } = useTranslation('corpProvisions');
  usePageTitle(provision.courseTitle);
  const { me } = useSession();
  const location = useLocation();
  const members = useMembers();
  const progress = useProgress(provision.id, WITH_LEARNERS.has(provision.state));
  const names = useMemo(() => new Map((members.data ?? []).map((m) => [m.userId, m.name ?? m.email ?? ''])), [members.data]);
  // A learner removed after making progress keeps holding a seat: the progress answer says who has any.
  const progressed = useMemo(() => new Set((progress.data?.items ?? [])
    .filter((l) => l.progressPercent > 0 || l.state === 'COMPLETED').map((l) => l.userId)), [progress.data]);
  const returned = lastReturnReason(provision.state, provision.history);
  const declined = provision.state === 'DECLINED' ? provision.history[provision.history.length - 1]?.reason : null;
  const sent = (location.state as { notice?: string } | null)?.notice === 'sent' && provision.state === 'REQUESTED';

  return (
    <Stack maw={1100} gap="lg">
      <Anchor component={Link} to="/corp/provisions" size="sm">{t('detail.back')}</Anchor>
      <Group gap="sm" align="center">
        <Title order={1}>{provision.courseTitle}</Title>
        <ProvisionStateBadge state={provision.state} />
      </Group>
      {sent && <Alert color="green" role="status">{t('request.sent')}</Alert>}
      <Table variant="vertical" withTableBorder={false} maw={640}>
        <Table.Tbody>
          <Table.Tr><Table.Th w={160}>{t('detail.institution')}</Table.Th><Table.Td>{provision.institutionName}</Table.Td></Table.Tr>
          <Table.Tr><Table.Th>{t('detail.period')}</Table.Th><Table.Td>
            {t('common:time.period', { begin: koreaDate(provision.beginDate, i18n.language), end: koreaDate(provision.endDate, i18n.language) })}
          </Table.Td></Table.Tr>
          <Table.Tr><Table.Th>{t('detail.seats')}</Table.Th><Table.Td>{t('detail.seatsValue', { count: provision.seats })}</Table.Td></Table.Tr>
          {provision.deposit && <Table.Tr><Table.Th>{t('detail.deposit')}</Table.Th><Table.Td>{provision.deposit}</Table.Td></Table.Tr>}
          <Table.Tr><Table.Th>{t('detail.course')}</Table.Th><Table.Td>
            <Anchor component={Link} to={`/corp/catalog/${provision.courseId}`}>{provision.courseTitle}</Anchor>
          </Table.Td></Table.Tr>
        </Table.Tbody>
      </Table>
      <Alert color={provision.state === 'DECLINED' ? 'red' : 'blue'} variant="light">
        <Stack gap={4}>
          <Text size="sm">{t(`detail.guide.${provision.state}`, { defaultValue: '' })}</Text>
          {declined && <Text size="sm">{t('detail.declinedBecause', { reason: declined })}</Text>}
          {returned !== null && <Text size="sm" fw={600}>{returned ? t('detail.returned', { reason: returned }) : t('detail.returnedNoReason')}</Text>}
        </Stack>
      </Alert>
      {provision.state === 'REQUESTED' && <CancelRequest provision={provision} />}

      {provision.state !== 'REQUESTED' && provision.state !== 'DECLINED' && provision.state !== 'CANCELLED' && (
        <Stack gap="xs">
          <Title order={2} size="h3">{t('roster.title')}</Title>
          {rosterEditable(provision.state) ? (
            <QueryState query={members}>
              {(list) => (
                <RosterEditor key={provision.version} provision={provision} members={list}
                  progressed={isRegistered(provision.state) && progress.isPending ? new Set() : progressed} />
              )}
            </QueryState>
          ) : <RosterList ids={provision.roster} members={members.data} />}
        </Stack>
      )}

      {provision.pendingAdditions.length > 0 && (
        <Stack gap="xs">
          <Title order={2} size="h3">{t('amendment.title')}</Title>
          <Text size="sm">{t('amendment.intro')}</Text>
          <RosterList ids={provision.pendingAdditions} members={members.data} />
        </Stack>
      )}

      {WITH_LEARNERS.has(provision.state) && <ProgressTable query={progress} />}

      <ProvisionHistory history={provision.history} names={names} meId={me?.userId} />
    </Stack>
  );
}

function RosterList({ ids, members }: { ids: string[]; members: MemberView[] | undefined }) {
  const { t } = useTranslation('corpProvisions');
  if (ids.length === 0) return <Text size="sm">{t('roster.nobody')}</Text>;
  const byId = new Map((members ?? []).map((m) => [m.userId, m]));
  return (
    <List spacing={2}>
      {ids.map((id) => {
        const member = byId.get(id);
        return (
          <List.Item key={id}>
            {member ? t('roster.member', { name: member.name ?? t('roster.unnamed'), email: member.email ?? '' })
              : members ? t('roster.leftCompany') : t('roster.unknownPerson', { id: id.slice(0, 8) })}
          </List.Item>
        );
      })}
    </List>
  );
}

function CancelRequest({ provision }: { provision: Provision }) {
  const { t } = useTranslation('corpProvisions');
  const queryClient = useQueryClient();
  const [opened, dialog] = useDisclosure(false);
  const cancel = useMutation({
    mutationFn: () => call(api.company.POST('/company/v1/course-provides/{id}/cancel', { params: { path: { id: provision.id } } })),
    onSuccess: (next) => {
      queryClient.setQueryData(corpKeys.provision(provision.id), next);
      void queryClient.invalidateQueries({ queryKey: corpKeys.lists });
      dialog.close();
    },
  });
  return (
    <>
      <Button color="red.9" variant="outline" w="fit-content" onClick={() => { cancel.reset(); dialog.open(); }}>{t('detail.cancel')}</Button>
      <Modal opened={opened} onClose={dialog.close} title={t('detail.cancelTitle')} centered closeButtonProps={{ 'aria-label': t('common:close') }}>
        <Stack gap="md">
          <Text size="sm">{t('detail.cancelBody')}</Text>
          {cancel.error ? <Alert color="red" role="alert">{problemText(t, cancel.error)}</Alert> : null}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={dialog.close}>{t('common:back')}</Button>
            <Button color="red.9" loading={cancel.isPending} onClick={() => cancel.mutate()}>{t('detail.cancelConfirm')}</Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
