import { Alert, Badge, Button, Card, Group, Modal, Pagination, ScrollArea, Stack, Table, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/clients';
import { call } from '../../api/call';
import { useSession } from '../../auth/useSession';
import { problemText } from '../../common/problemText';
import { QueryState } from '../../common/QueryState';
import { koreaDate } from '../../common/time';
import { usePageTitle } from '../../common/usePageTitle';
import { InviteForm } from './InviteForm';
import { corpProfileKeys, MEMBER_PAGE_SIZE, ROLE_EMPLOYEE, ROLE_SUPERVISOR, useMembers, type Member } from './queries';

/** `/corp/members`: invitations by email, then the members with promote, demote and remove. */
export function MembersPage() {
  const { t } = useTranslation('corpProfile');
  usePageTitle(t('members.title'));
  const [page, setPage] = useState(1);
  const query = useMembers(page);
  return (
    <Stack gap="lg">
      <Stack gap={4}>
        <Title order={1}>{t('members.title')}</Title>
        <Text c="dimmed" size="sm">{t('members.intro')}</Text>
      </Stack>
      <Card withBorder maw={760}><InviteForm /></Card>
      <QueryState query={query}>
        {(list) => list.items.length === 0 ? <Text>{t('members.empty')}</Text> : (
          <Stack gap="sm">
            <MemberTable members={list.items} total={list.total} />
            {list.total > MEMBER_PAGE_SIZE && (
              <nav aria-label={t('members.pages')}>
                <Pagination total={Math.ceil(list.total / MEMBER_PAGE_SIZE)} value={page} onChange={setPage}
                  getControlProps={(control) => control === 'previous' ? { 'aria-label': t('common:previous') }
                    : control === 'next' ? { 'aria-label': t('common:next') } : {}} />
              </nav>
            )}
          </Stack>
        )}
      </QueryState>
    </Stack>
  );
}

function MemberTable({ members, total }: { members: Member[]; total: number }) {
  const { t, i18n } = useTranslation('corpProfile');
  const { me } = useSession();
  const queryClient = useQueryClient();
  const [done, setDone] = useState<string | null>(null);
  const [removing, setRemoving] = useState<Member | null>(null);
  const nameOf = (member: Member) => member.name ?? member.email ?? t('members.noName');
  const changeRole = useMutation({
    mutationFn: ({ member, role }: { member: Member; role: string }) =>
      call(api.company.PATCH('/company/v1/members/{userId}', { params: { path: { userId: member.userId } }, body: { role } })),
    onSuccess: (_, { member, role }) => {
      setDone(t(role === ROLE_SUPERVISOR ? 'members.promoted' : 'members.demoted', { name: nameOf(member) }));
      void queryClient.invalidateQueries({ queryKey: corpProfileKeys.allMembers });
    },
  });
  const remove = useMutation({
    mutationFn: (member: Member) => call(api.company.DELETE('/company/v1/members/{userId}', { params: { path: { userId: member.userId } } })),
    onSuccess: (_, member) => {
      setRemoving(null);
      setDone(t('members.removed', { name: nameOf(member) }));
      void queryClient.invalidateQueries({ queryKey: corpProfileKeys.allMembers });
    },
  });
  const act = (action: () => void) => {
    setDone(null);
    changeRole.reset();
    remove.reset();
    action();
  };
  return (
    <>
      <div role="status">{done && <Alert color="green">{done}</Alert>}</div>
      {changeRole.error ? <Alert color="red" role="alert">{problemText(t, changeRole.error)}</Alert> : null}
      <ScrollArea type="auto">
        <Table striped highlightOnHover miw={760} captionSide="top">
          <Table.Caption>{t('members.caption', { total })}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('members.name')}</Table.Th>
              <Table.Th scope="col">{t('members.email')}</Table.Th>
              <Table.Th scope="col">{t('members.role')}</Table.Th>
              <Table.Th scope="col">{t('members.joined')}</Table.Th>
              <Table.Th scope="col">{t('members.actions')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {members.map((member) => {
              const self = member.userId === me?.userId;
              const name = nameOf(member);
              const busy = (changeRole.isPending && changeRole.variables?.member.userId === member.userId);
              return (
                <Table.Tr key={member.userId}>
                  <Table.Th scope="row" fw={500}>{name}{self && <Text span size="sm" c="dimmed"> ({t('members.you')})</Text>}</Table.Th>
                  <Table.Td>{member.email}</Table.Td>
                  <Table.Td>
                    <Badge variant="filled" color={member.role === ROLE_SUPERVISOR ? 'blue.8' : 'gray.7'}>
                      {t(`members.roles.${member.role}`, { defaultValue: t('members.roles.unknown', { role: member.role }) })}
                    </Badge>
                  </Table.Td>
                  <Table.Td>{koreaDate(member.joinedAt, i18n.language)}</Table.Td>
                  <Table.Td>
                    {!self && (
                      <Group gap="xs" wrap="nowrap">
                        {member.role === ROLE_EMPLOYEE ? (
                          <Button size="xs" variant="light" loading={busy} aria-label={t('members.promoteLabel', { name })}
                            onClick={() => act(() => changeRole.mutate({ member, role: ROLE_SUPERVISOR }))}>{t('members.promote')}</Button>
                        ) : (
                          <Button size="xs" variant="default" loading={busy} aria-label={t('members.demoteLabel', { name })}
                            onClick={() => act(() => changeRole.mutate({ member, role: ROLE_EMPLOYEE }))}>{t('members.demote')}</Button>
                        )}
                        <Button size="xs" variant="light" color="red.9" aria-label={t('members.removeLabel', { name })}
                          onClick={() => act(() => setRemoving(member))}>{t('members.remove')}</Button>
                      </Group>
                    )}
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </ScrollArea>
      <Modal opened={removing !== null} onClose={() => setRemoving(null)} centered
        title={removing ? t('members.removeTitle', { name: nameOf(removing) }) : ''} closeButtonProps={{ 'aria-label': t('common:close') }}>
        <Stack gap="md">
          <Text size="sm">{t('members.removeBody')}</Text>
          {remove.error ? <Alert color="red" role="alert">{problemText(t, remove.error)}</Alert> : null}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={() => setRemoving(null)}>{t('common:cancel')}</Button>
            <Button color="red.9" loading={remove.isPending} onClick={() => removing && remove.mutate(removing)}>{t('members.removeConfirm')}</Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
