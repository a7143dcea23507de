import { Anchor, Badge, NativeSelect, Pagination, ScrollArea, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { QueryState } from '../../common/QueryState';
import { koreaDate } from '../../common/time';
import { usePageTitle } from '../../common/usePageTitle';
import { BOARD_STATES, PROVISION_PAGE_SIZE, useBoardProvisions } from './provisionApi';

/** `/inst/boards`: the institution's provisions that have a class board, each linking to it. */
export function BoardsPage() {
  const { t, i18n } = useTranslation('instBoards');
  usePageTitle(t('title'));
  const [state, setState] = useState('');
  const [page, setPage] = useState(1);
  const provisions = useBoardProvisions(state);
  return (
    <Stack gap="md">
      <Title order={1}>{t('title')}</Title>
      <Text size="sm" c="dimmed">{t('intro')}</Text>
      <NativeSelect label={t('filter')} w={240} value={state}
        data={[{ value: '', label: t('all') }, ...BOARD_STATES.map((value) => ({ value, label: t(`states.${value}`) }))]}
        onChange={(event) => { setState(event.currentTarget.value); setPage(1); }} />
      <QueryState query={provisions}>
        {(list) => list.length === 0 ? <Text>{t('empty')}</Text> : (
          <>
            <ScrollArea type="auto">
              <Table striped miw={720}>
                <Table.Caption>{t('caption')}</Table.Caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('course')}</Table.Th>
                    <Table.Th scope="col">{t('company')}</Table.Th>
                    <Table.Th scope="col">{t('period')}</Table.Th>
                    <Table.Th scope="col">{t('state')}</Table.Th>
                    <Table.Th scope="col">{t('open')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {list.slice((page - 1) * PROVISION_PAGE_SIZE, page * PROVISION_PAGE_SIZE).map((provision) => (
                    <Table.Tr key={provision.id}>
                      <Table.Th scope="row" fw={500}>{provision.courseTitle}</Table.Th>
                      <Table.Td>{provision.companyName}</Table.Td>
                      <Table.Td>
                        {t('common:time.period', { begin: koreaDate(provision.beginDate, i18n.language), end: koreaDate(provision.endDate, i18n.language) })}
                      </Table.Td>
                      <Table.Td><Badge variant="outline" color="gray.8">{t(`states.${provision.state}`, { defaultValue: provision.state })}</Badge></Table.Td>
                      <Table.Td>
                        <Anchor component={Link} to={`/inst/boards/${provision.id}`}
                          aria-label={t('openOf', { course: provision.courseTitle, company: provision.companyName })}>{t('open')}</Anchor>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </ScrollArea>
            {list.length > PROVISION_PAGE_SIZE && (
              <nav aria-label={t('pages')}>
                <Pagination total={Math.ceil(list.length / PROVISION_PAGE_SIZE)} value={page} onChange={setPage}
                  getControlProps={(control) => ({ 'aria-label': t(`common:${control === 'previous' ? 'previous' : 'next'}`) })} />
              </nav>
            )}
          </>
        )}
      </QueryState>
    </Stack>
  );
}
