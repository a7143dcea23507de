import { Alert, Button, Card, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api } from '../api/clients';
import { call } from '../api/call';
import { hasRole, useSession, useSessionReset } from '../auth/useSession';
import { problemText } from '../common/problemText';
import { usePageTitle } from '../common/usePageTitle';
import { SettingUpNotice } from '../onboarding/SettingUpNotice';
import { useBecomeRole } from '../onboarding/useBecomeRole';
import { DetailsForm } from './DetailsForm';
import { PasswordForm } from './PasswordForm';

export function ProfilePage() {
  const { t } = useTranslation('profile');
  const { me } = useSession();
  usePageTitle(t('title'));
  if (!me) return null;
  return (
    <Stack maw={640} gap="lg">
      <Title order={1}>{t('title')}</Title>
      <Card withBorder>
        <Title order={2} size="h3" mb="sm">{t('account')}</Title>
        <Table variant="vertical" withTableBorder={false}>
          <Table.Tbody>
            <Table.Tr><Table.Th w={120}>{t('email')}</Table.Th><Table.Td>{me.email}</Table.Td></Table.Tr>
            <Table.Tr><Table.Th>{t('username')}</Table.Th><Table.Td>{me.username}</Table.Td></Table.Tr>
            <Table.Tr><Table.Th>{t('role')}</Table.Th><Table.Td>{me.roles.map((role) => t(`common:roles.${role}`)).join(', ')}</Table.Td></Table.Tr>
          </Table.Tbody>
        </Table>
      </Card>
      <Card withBorder><DetailsForm /></Card>
      <Card withBorder><PasswordForm /></Card>
      <Card withBorder><Sessions /></Card>
      {hasRole(me, 'Employee') && <Card withBorder><LeaveCompany /></Card>}
    </Stack>
  );
}

function Sessions() {
  const { t } = useTranslation('profile');
  const navigate = useNavigate();
  const reset = useSessionReset();
  const [error, setError] = useState<unknown>(null);
  const end = async (everywhere: boolean) => {
    try {
      await call(everywhere ? api.identity.POST('/identity/v1/signout/everywhere') : api.identity.POST('/identity/v1/signout'));
      reset();
      navigate('/signin', { replace: true });
    } catch (e) {
      setError(e);
    }
  };
  return (
    <Stack gap="sm">
      <Title order={2} size="h3">{t('sessions.title')}</Title>
      <Text size="sm" c="dimmed">{t('sessions.everywhereHint')}</Text>
      {error ? <Alert color="red" role="alert">{problemText(t, error)}</Alert> : null}
      <Group>
        <Button variant="default" onClick={() => void end(false)}>{t('sessions.signOut')}</Button>
        <Button color="red" variant="light" onClick={() => void end(true)}>{t('sessions.everywhere')}</Button>
      </Group>
    </Stack>
  );
}

function LeaveCompany() {
  const { t } = useTranslation('profile');
  const become = useBecomeRole();
  const leave = () => {
    if (!window.confirm(t('leave.confirm'))) return;
    void become.run('Visitor', () => call(api.company.DELETE('/company/v1/membership')));
  };
  return (
    <Stack gap="sm">
      <Title order={2} size="h3">{t('leave.title')}</Title>
      <Text size="sm" c="dimmed">{t('leave.hint')}</Text>
      <SettingUpNotice phase={become.phase} />
      {become.error ? <Alert color="red" role="alert">{problemText(t, become.error)}</Alert> : null}
      <Button color="red" variant="outline" w="fit-content" loading={become.busy} onClick={leave}>{t('leave.button')}</Button>
    </Stack>
  );
}
