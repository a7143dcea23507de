import { Anchor, ScrollArea, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { QueryState } from '../common/QueryState';
import { koreaDate } from '../common/time';
import { usePageTitle } from '../common/usePageTitle';
import { useAdminInstitutions } from './adminApi';
import { AdminPaging } from './AdminPaging';
import { filterParams, ORG_STATES, PAGE_SIZE, readFilters } from './adminRules';
import { SearchBar } from './SearchBar';
import { StateBadge } from './StateBadge';

/** `/admin/institutions` (`?q=&state=&page=`): every institution, newest first. */
export function InstitutionsPage() {
  const { t, i18n } = useTranslation('admin');
  usePageTitle(t('orgs.institutionsTitle'));
  const [params, setParams] = useSearchParams();
  const filters = readFilters(params, ORG_STATES);
  const query = useAdminInstitutions(filters);
  return (
    <Stack gap="md">
      <Title order={1}>{t('orgs.institutionsTitle')}</Title>
      <Text c="dimmed" size="sm">{t('orgs.institutionsIntro')}</Text>
      <SearchBar label={t('orgs.institutionsTitle')} q={filters.q} placeholder={t('orgs.institutionsSearchHint')}
        selects={[{ name: 'state', label: t('filters.state'), value: filters.state, choices: ORG_STATES.map((state) => ({ value: state, label: t(`states.${state}`) })) }]}
        onSearch={(values) => setParams(filterParams({ q: values.q, state: values.state ?? '', page: 1 }))} />
      <QueryState query={query}>
        {(list) => list.items.length === 0 ? <Text>{t('orgs.empty')}</Text> : (
          <Stack gap="sm">
            <ScrollArea type="auto" viewportProps={{ tabIndex: 0, role: 'region', 'aria-label': t('orgs.institutionsCaption', { total: list.total }) }}>
              <Table striped highlightOnHover miw={900} captionSide="top">
                <Table.Caption>{t('orgs.institutionsCaption', { total: list.total })}</Table.Caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('orgs.name')}</Table.Th>
                    <Table.Th scope="col">{t('orgs.businessNumber')}</Table.Th>
                    <Table.Th scope="col">{t('orgs.email')}</Table.Th>
                    <Table.Th scope="col">{t('orgs.state')}</Table.Th>
                    <Table.Th scope="col">{t('orgs.managerCount')}</Table.Th>
                    <Table.Th scope="col">{t('orgs.publishedCourseCount')}</Table.Th>
                    <Table.Th scope="col">{t('orgs.createdAt')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {list.items.map((item) => (
                    <Table.Tr key={item.id}>
                      <Table.Th scope="row" fw={500}><Anchor component={Link} to={`/admin/institutions/${item.id}`}>{item.name}</Anchor></Table.Th>
                      <Table.Td>{item.businessNumber}</Table.Td>
                      <Table.Td>{item.email}</Table.Td>
                      <Table.Td><StateBadge state={item.state} /></Table.Td>
                      <Table.Td>{item.managerCount}</Table.Td>
                      <Table.Td>{item.publishedCourseCount}</Table.Td>
                      <Table.Td>{koreaDate(item.createdAt, i18n.language)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </ScrollArea>
            <AdminPaging total={list.total} size={PAGE_SIZE} page={filters.page} onChange={(page) => setParams(filterParams({ ...filters, page }))} />
          </Stack>
        )}
      </QueryState>
    </Stack>
  );
}
