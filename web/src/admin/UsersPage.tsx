import { Anchor, ScrollArea, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { QueryState } from '../common/QueryState';
import { koreaDate } from '../common/time';
import { usePageTitle } from '../common/usePageTitle';
import { useAdminUsers, type AdminUser } from './adminApi';
import { AdminPaging } from './AdminPaging';
import { filterParams, PAGE_SIZE, readFilters, ROLES, USER_STATES } from './adminRules';
import { RoleList } from './RoleList';
import { SearchBar } from './SearchBar';
import { StateBadge } from './StateBadge';

/** `/admin/users` (`?q=&state=&role=&page=`): every account, newest first. */
export function UsersPage() {
  const { t } = useTranslation('admin');
  usePageTitle(t('users.title'));
  const [params, setParams] = useSearchParams();
  const filters = readFilters(params, USER_STATES, ROLES);
  const query = useAdminUsers(filters);
  return (
    <Stack gap="md">
      <Title order={1}>{t('users.title')}</Title>
      <Text c="dimmed" size="sm">{t('users.intro')}</Text>
      <SearchBar label={t('users.title')} q={filters.q} placeholder={t('users.searchHint')}
        selects={[
          { name: 'state', label: t('filters.state'), value: filters.state, choices: USER_STATES.map((state) => ({ value: state, label: t(`states.${state}`) })) },
          { name: 'role', label: t('filters.role'), value: filters.role, choices: ROLES.map((role) => ({ value: role, label: t(`common:roles.${role}`) })) },
        ]}
        onSearch={(values) => setParams(filterParams({ q: values.q, state: values.state ?? '', role: values.role ?? '', page: 1 }))} />
      <QueryState query={query}>
        {(list) => list.items.length === 0 ? <Text>{t('users.empty')}</Text> : (
          <Stack gap="sm">
            <UserTable users={list.items} total={list.total} />
            <AdminPaging total={list.total} size={PAGE_SIZE} page={filters.page} onChange={(page) => setParams(filterParams({ ...filters, page }))} />
          </Stack>
        )}
      </QueryState>
    </Stack>
  );
}

function UserTable({ users, total }: { users: AdminUser[]; total: number }) {
  const { t, i18n } = useTranslation('admin');
  return (
    <ScrollArea type="auto" viewportProps={{ tabIndex: 0, role: 'region', 'aria-label': t('users.caption', { total }) }}>
      <Table striped highlightOnHover miw={900} captionSide="top">
        <Table.Caption>{t('users.caption', { total })}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('users.name')}</Table.Th>
            <Table.Th scope="col">{t('users.email')}</Table.Th>
            <Table.Th scope="col">{t('users.roles')}</Table.Th>
            <Table.Th scope="col">{t('users.state')}</Table.Th>
            <Table.Th scope="col">{t('users.organisation')}</Table.Th>
            <Table.Th scope="col">{t('users.createdAt')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {users.map((user) => (
            <Table.Tr key={user.id}>
              <Table.Th scope="row" fw={500}>
                <Anchor component={Link} to={`/admin/users/${user.id}`} aria-label={t('users.open', { name: user.name || user.email })}>
                  {user.name || user.username}
                </Anchor>
              </Table.Th>
              <Table.Td>{user.email}</Table.Td>
              <Table.Td><RoleList roles={user.roles} /></Table.Td>
              <Table.Td><StateBadge state={user.state} /></Table.Td>
              <Table.Td>{user.organisationType ? t(`orgTypes.${user.organisationType}`, { defaultValue: user.organisationType }) : t('users.noOrganisation')}</Table.Td>
              <Table.Td>{koreaDate(user.createdAt, i18n.language)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollArea>
  );
}

