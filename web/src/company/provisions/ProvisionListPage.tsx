import { Anchor, Button, Group, Pagination, ScrollArea, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { QueryState } from '../../common/QueryState';
import { koreaDate } from '../../common/time';
import { usePageTitle } from '../../common/usePageTitle';
import { ProvisionStateBadge } from './ProvisionStateBadge';
import { PAGE_SIZE, PROVISION_STATES, useProvisions } from './queries';

/** The company's provisions, newest change first, by state. */
export function ProvisionListPage() {
  const { t, i18n } = useTranslation('corpProvisions');
  usePageTitle(t('list.title'));
  const [params, setParams] = useSearchParams();
  const state = PROVISION_STATES.find((s) => s === params.get('state')) ?? null;
  const page = Math.max(1, Number(params.get('page')) || 1);
  const query = useProvisions(state, page);
  const go = (next: { state: string | null; page: number }) => {
    const search = new URLSearchParams();
    if (next.state) search.set('state', next.state);
    if (next.page > 1) search.set('page', String(next.page));
    setParams(search);
  };
  const period = (begin: string, end: string) =>
    t('common:time.period', { begin: koreaDate(begin, i18n.language), end: koreaDate(end, i18n.language) });

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <Stack gap={4}>
          <Title order={1}>{t('list.title')}</Title>
          <Text c="dimmed" size="sm">{t('list.intro')}</Text>
        </Stack>
        <Button component={Link} to="/corp/catalog">{t('list.find')}</Button>
      </Group>
      <Select label={t('list.state')} w={{ base: '100%', sm: 260 }} allowDeselect={false}
        data={[{ value: '', label: t('list.allStates') }, ...PROVISION_STATES.map((s) => ({ value: s, label: t(`states.${s}`) }))]}
        value={state ?? ''} onChange={(value) => go({ state: value || null, page: 1 })} />
      <QueryState query={query}>
        {(list) => list.items.length === 0 ? <Text>{state ? t('list.emptyState') : t('list.empty')}</Text> : (
          <>
            <ScrollArea type="auto">
              <Table striped highlightOnHover miw={680}>
                <Table.Caption>{t('list.caption')}</Table.Caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('list.course')}</Table.Th>
                    <Table.Th scope="col">{t('list.institution')}</Table.Th>
                    <Table.Th scope="col">{t('list.state')}</Table.Th>
                    <Table.Th scope="col">{t('list.period')}</Table.Th>
                    <Table.Th scope="col">{t('list.seats')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {list.items.map((item) => (
                    <Table.Tr key={item.id}>
                      <Table.Td><Anchor component={Link} to={`/corp/provisions/${item.id}`}>{item.courseTitle}</Anchor></Table.Td>
                      <Table.Td>{item.institutionName}</Table.Td>
                      <Table.Td><ProvisionStateBadge state={item.state} /></Table.Td>
                      <Table.Td>{period(item.beginDate, item.endDate)}</Table.Td>
                      <Table.Td>{t('list.seatsValue', { count: item.seats })}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </ScrollArea>
            {list.total > PAGE_SIZE && (
              <nav aria-label={t('list.pages')}>
                <Pagination total={Math.ceil(list.total / PAGE_SIZE)} value={page} onChange={(next) => go({ state, page: next })}
                  getControlProps={(control) => control === 'previous' ? { 'aria-label': t('common:previous') }
                    : control === 'next' ? { 'aria-label': t('common:next') } : {}} />
              </nav>
            )}
          </>
        )}
      </QueryState>
    </Stack>
  );
}
