import { Badge, Button, ScrollArea, Stack, Table, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { components } from '../../api/generated/institution';
import { problemText } from '../../common/problemText';
import { QueryState } from '../../common/QueryState';
import { koreaDate } from '../../common/time';
import { ConfirmAction } from '../ConfirmAction';
import { notifyDone } from '../notify';
import { profileKeys, useInvitations, withdrawInvitation } from './profileApi';

type Invitation = components['schemas']['ManagerInvitationResponse'];

const colours: Record<string, string> = { PENDING: 'blue.9', ACCEPTED: 'green.9', EXPIRED: 'gray.7' };

/** The invitations sent, newest first: who has not answered yet, who accepted, which codes lapsed; a pending one can be withdrawn. */
export function InvitationsSection() {
  const { t, i18n } = useTranslation('instProfile');
  const invitations = useInvitations();
  const queryClient = useQueryClient();
  const [withdrawing, setWithdrawing] = useState<Invitation | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const withdraw = async () => {
    if (!withdrawing) return;
    setBusy(true);
    setError(null);
    try {
      await withdrawInvitation(withdrawing.id);
      notifyDone(t('invitations.withdrawn'));
      setWithdrawing(null);
      await queryClient.invalidateQueries({ queryKey: profileKeys.invitations });
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Stack component="section" gap="sm" aria-labelledby="inst-invitations-title">
      <Title order={2} id="inst-invitations-title">{t('invitations.title')}</Title>
      <QueryState query={invitations}>
        {(list) => list.length === 0 ? <Text size="sm" c="dimmed">{t('invitations.none')}</Text> : (
          <ScrollArea type="auto">
            <Table striped miw={560}>
              <Table.Caption>{t('invitations.caption')}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('invitations.email')}</Table.Th>
                  <Table.Th scope="col">{t('invitations.state')}</Table.Th>
                  <Table.Th scope="col">{t('invitations.invitedAt')}</Table.Th>
                  <Table.Th scope="col">{t('invitations.until')}</Table.Th>
                  <Table.Th scope="col">{t('managers.actions')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {list.map((invitation) => (
                  <Table.Tr key={invitation.id}>
                    <Table.Th scope="row" fw={500}>{invitation.email}</Table.Th>
                    <Table.Td><Badge variant="light" color={colours[invitation.state] ?? 'gray.7'}>{t(`invitations.states.${invitation.state}`, { defaultValue: invitation.state })}</Badge></Table.Td>
                    <Table.Td>{koreaDate(invitation.invitedAt, i18n.language)}</Table.Td>
                    <Table.Td>{invitation.state === 'ACCEPTED' && invitation.acceptedAt
                      ? t('invitations.acceptedOn', { date: koreaDate(invitation.acceptedAt, i18n.language) })
                      : koreaDate(invitation.expiresAt, i18n.language)}</Table.Td>
                    <Table.Td>
                      {invitation.state === 'PENDING' && (
                        <Button size="xs" variant="default" c="red.9" aria-label={t('invitations.withdrawOf', { email: invitation.email })}
                          onClick={() => { setWithdrawing(invitation); setError(null); }}>{t('invitations.withdraw')}</Button>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollArea>
        )}
      </QueryState>
      <ConfirmAction opened={withdrawing !== null} title={t('invitations.withdrawTitle', { email: withdrawing?.email ?? '' })}
        body={t('invitations.withdrawBody')} confirmLabel={t('invitations.withdraw')} keepLabel={t('managers.keep')} busy={busy}
        errorText={error === null ? null : problemText(t, error)} onConfirm={() => void withdraw()} onClose={() => setWithdrawing(null)} />
    </Stack>
  );
}
