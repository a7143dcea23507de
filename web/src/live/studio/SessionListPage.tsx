import { Anchor, Button, Group, Pagination, ScrollArea, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { QueryState } from '../../common/QueryState';
import { koreaDateTime } from '../../common/time';
import { usePageTitle } from '../../common/usePageTitle';
import { PAGE_SIZE, useSessions } from './queries';
import { StateBadge } from './StateBadge';

export function SessionListPage() {
  const { t, i18n } = useTranslation('studio');
  usePageTitle(t('list.title'));
  const [page, setPage] = useState(1);
  const query = useSessions(page);
  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <Stack gap={4}>
          <Title order={1}>{t('list.title')}</Title>
          <Text c="dimmed" size="sm">{t('list.intro')}</Text>
        </Stack>
        <Button component={Link} to="/inst/live/new">{t('list.schedule')}</Button>
      </Group>
      <QueryState query={query}>
        {(list) => list.items.length === 0 ? <Text>{t('list.empty')}</Text> : (
          <>
            <ScrollArea type="auto">
              <Table striped highlightOnHover miw={640}>
                <Table.Caption>{t('list.caption')}</Table.Caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('list.session')}</Table.Th>
                    <Table.Th scope="col">{t('list.course')}</Table.Th>
                    <Table.Th scope="col">{t('list.state')}</Table.Th>
                    <Table.Th scope="col">{t('list.when')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {list.items.map((session) => (
                    <Table.Tr key={session.id}>
                      <Table.Td><Anchor component={Link} to={`/inst/live/${session.id}`}>{session.title}</Anchor></Table.Td>
                      <Table.Td>{session.courseTitle}</Table.Td>
                      <Table.Td><StateBadge state={session.state} /></Table.Td>
                      <Table.Td>
                        {t('common:time.period', {
                          begin: koreaDateTime(session.scheduledStart, i18n.language),
                          end: koreaDateTime(session.scheduledEnd, i18n.language),
                        })}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </ScrollArea>
            {list.total > PAGE_SIZE && (
              <nav aria-label={t('list.pages')}>
                <Pagination total={Math.ceil(list.total / PAGE_SIZE)} value={page} onChange={setPage}
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
