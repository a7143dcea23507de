import { Badge, Button, ScrollArea, Stack, Table, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { components } from '../../api/generated/institution';
import { meKey, useSession } from '../../auth/useSession';
import { problemText } from '../../common/problemText';
import { QueryState } from '../../common/QueryState';
import { koreaDate } from '../../common/time';
import { ConfirmAction } from '../ConfirmAction';
import { profileKeys, removeManager, useManagers } from './profileApi';
import { notifyDone } from '../notify';

type Manager = components['schemas']['ManagerResponse'];

/** The institution's managers, each removable after a question; the service refuses to remove the last one. */
export function ManagersSection() {
  const { t, i18n } = useTranslation('instProfile');
  const { me } = useSession();
  const managers = useManagers();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [removing, setRemoving] = useState<Manager | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const self = removing !== null && removing.userId === me?.userId;
  const nameOf = (manager: Manager) => manager.name ?? manager.email ?? t('managers.unknown');

  const remove = async () => {
    if (!removing) return;
    setBusy(true);
    setError(null);
    try {
      await removeManager(removing.userId);
      notifyDone(t('managers.removed'));
      setRemoving(null);
      if (self) {
        // The role leaves with the next token: ask who this is again and leave the console now.
        void queryClient.invalidateQueries({ queryKey: meKey });
        navigate('/profile', { replace: true });
        return;
      }
      await queryClient.invalidateQueries({ queryKey: profileKeys.managers });
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Stack component="section" gap="sm" aria-labelledby="inst-managers-title">
      <Title order={2} id="inst-managers-title">{t('managers.title')}</Title>
      <Text size="sm" c="dimmed">{t('managers.intro')}</Text>
      <QueryState query={managers}>
        {(list) => (
          <ScrollArea type="auto">
            <Table striped miw={560}>
              <Table.Caption>{t('managers.caption')}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('managers.name')}</Table.Th>
                  <Table.Th scope="col">{t('managers.email')}</Table.Th>
                  <Table.Th scope="col">{t('managers.added')}</Table.Th>
                  <Table.Th scope="col">{t('managers.actions')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {list.map((manager) => (
                  <Table.Tr key={manager.userId}>
                    <Table.Th scope="row" fw={500}>
                      {nameOf(manager)} {manager.userId === me?.userId && <Badge variant="outline" color="blue.9" ml={4}>{t('managers.me')}</Badge>}
                    </Table.Th>
                    <Table.Td>{manager.email ?? ''}</Table.Td>
                    <Table.Td>{koreaDate(manager.addedAt, i18n.language)}</Table.Td>
                    <Table.Td>
                      <Button size="xs" variant="default" c="red.9" aria-label={t('managers.removeOf', { name: nameOf(manager) })}
                        onClick={() => { setRemoving(manager); setError(null); }}>{t('managers.remove')}</Button>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollArea>
        )}
      </QueryState>
      <ConfirmAction
        opened={removing !== null}
        title={self ? t('managers.removeSelfTitle') : t('managers.removeTitle', { name: removing ? nameOf(removing) : '' })}
        body={self ? t('managers.removeSelfBody') : t('managers.removeBody')}
        confirmLabel={t('managers.remove')}
        keepLabel={t('managers.keep')}
        busy={busy}
        errorText={error ? problemText(t, error) : null}
        onConfirm={() => void remove()}
        onClose={() => { setRemoving(null); setError(null); }}
      />
    </Stack>
  );
}
