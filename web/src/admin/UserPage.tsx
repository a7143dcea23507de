import { Alert, Anchor, Button, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useSession } from '../auth/useSession';
import { QueryState } from '../common/QueryState';
import { koreaDateTime } from '../common/time';
import { usePageTitle } from '../common/usePageTitle';
import { actOnAccount, adminKeys, useAdminUser, type AdminUser } from './adminApi';
import { accountActions, type AccountAction } from './adminRules';
import { Fact } from './Fact';
import { ReasonDialog } from './ReasonDialog';
import { RoleList } from './RoleList';
import { StateBadge } from './StateBadge';
import { TargetHistory } from './TargetHistory';

/** `/admin/users/:id`: one account, the actions its state allows (each asks for a reason), and its audit entries. */
export function UserPage() {
  const { t } = useTranslation('admin');
  const { id = '' } = useParams();
  const query = useAdminUser(id);
  usePageTitle(query.data ? query.data.name || query.data.email : t('users.details'));
  return (
    <Stack gap="md">
      <Anchor component={Link} to="/admin/users" size="sm" w="fit-content">{t('users.back')}</Anchor>
      <QueryState query={query}>{(user) => <Account user={user} />}</QueryState>
    </Stack>
  );
}

function Account({ user }: { user: AdminUser }) {
  const { t, i18n } = useTranslation('admin');
  const { me } = useSession();
  const queryClient = useQueryClient();
  const [asking, setAsking] = useState<AccountAction | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const name = user.name || user.email;
  const actions = accountActions(user, me?.userId);

  const confirm = async (reason: string) => {
    if (!asking) return;
    const changed = await actOnAccount(user.id, asking, reason);
    queryClient.setQueryData(adminKeys.user(user.id), changed);
    void queryClient.invalidateQueries({ queryKey: ['admin', 'users'] });
    void queryClient.invalidateQueries({ queryKey: ['admin', 'actions'] });
    setDone(t(`users.done.${asking}`, { name }));
    setAsking(null);
  };

  return (
    <Stack gap="lg">
      <Group gap="sm" align="center">
        <Title order={1}>{name}</Title>
        <StateBadge state={user.state} />
      </Group>
      <div role="status">{done && <Alert color="green">{done}</Alert>}</div>
      <Card withBorder>
        <Stack gap="sm">
          <Title order={2} size="h3">{t('users.details')}</Title>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <Fact label={t('users.email')}>{user.email}</Fact>
            <Fact label={t('users.username')}>{user.username}</Fact>
            <Fact label={t('users.roles')}><RoleList roles={user.roles} /></Fact>
            <Fact label={t('users.state')}><StateBadge state={user.state} /></Fact>
            <Fact label={t('users.organisation')}>
              {user.organisationType && user.organisationId ? (
                <Anchor component={Link} to={`/admin/${user.organisationType === 'institution' ? 'institutions' : 'companies'}/${user.organisationId}`}>
                  {t(`orgTypes.${user.organisationType}`, { defaultValue: user.organisationType })}
                </Anchor>
              ) : t('users.noOrganisation')}
            </Fact>
            <Fact label={t('users.createdAt')}>{koreaDateTime(user.createdAt, i18n.language)}</Fact>
            {user.suspendedAt && <Fact label={t('users.suspendedAt')}>{koreaDateTime(user.suspendedAt, i18n.language)}</Fact>}
          </SimpleGrid>
        </Stack>
      </Card>
      <Stack gap="sm">
        <Title order={2} size="h3">{t('users.actions')}</Title>
        {actions.length === 0 ? <Text size="sm">{t('users.ownAccount')}</Text> : (
          <Group gap="sm">
            {actions.map((action) => (
              <Button key={action} variant={action === 'suspend' || action === 'revoke-admin' ? 'light' : 'filled'}
                color={action === 'suspend' || action === 'revoke-admin' ? 'red.9' : undefined}
                onClick={() => { setDone(null); setAsking(action); }}>
                {t(`users.action.${action}`)}
              </Button>
            ))}
          </Group>
        )}
      </Stack>
      <TargetHistory targetType="user" targetId={user.id} title={t('users.history')} />
      <ReasonDialog opened={asking !== null} onClose={() => setAsking(null)}
        title={asking ? `${t(`users.action.${asking}`)}: ${name}` : ''}
        explain={asking ? t(`users.explain.${asking}`) : ''}
        confirmLabel={asking ? t(`users.action.${asking}`) : ''}
        danger={asking === 'suspend' || asking === 'revoke-admin'} onConfirm={confirm} />
    </Stack>
  );
}
