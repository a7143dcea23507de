import { Anchor, Button, Group, Pagination, ScrollArea, SegmentedControl, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { QueryState } from '../../common/QueryState';
import { koreaDateTime } from '../../common/time';
import { usePageTitle } from '../../common/usePageTitle';
import { CourseStateBadge } from './CourseStateBadge';
import { COURSE_STATES, PAGE_SIZE, useCourses } from './queries';

export function CourseListPage() {
  const { t, i18n } = useTranslation('instCourses');
  usePageTitle(t('list.title'));
  const [params, setParams] = useSearchParams();
  const state = COURSE_STATES.find((s) => s === params.get('state')) ?? 'DRAFT';
  const page = Math.max(1, Number(params.get('page')) || 1);
  const query = useCourses(state, page);
  const go = (next: { state?: string; page?: number }) =>
    setParams({ state: next.state ?? state, page: String(next.page ?? 1) }, { replace: true });

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <Stack gap={4}>
          <Title order={1}>{t('list.title')}</Title>
          <Text c="dimmed" size="sm">{t('list.intro')}</Text>
        </Stack>
        <Button component={Link} to="/inst/courses/new">{t('list.create')}</Button>
      </Group>
      <SegmentedControl aria-label={t('list.stateFilter')} value={state} onChange={(value) => go({ state: value })} w="fit-content"
        data={COURSE_STATES.map((s) => ({ value: s, label: t(`states.${s}`) }))} />
      <QueryState query={query}>
        {(list) => list.items.length === 0 ? <Text>{t(`list.empty.${state}`)}</Text> : (
          <>
            <ScrollArea type="auto">
              <Table striped highlightOnHover miw={640}>
                <Table.Caption>{t('list.caption', { state: t(`states.${state}`) })}</Table.Caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('list.course')}</Table.Th>
                    <Table.Th scope="col">{t('list.category')}</Table.Th>
                    <Table.Th scope="col">{t('list.period')}</Table.Th>
                    <Table.Th scope="col">{t('list.state')}</Table.Th>
                    <Table.Th scope="col">{t('list.updated')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {list.items.map((course) => (
                    <Table.Tr key={course.id}>
                      <Table.Td><Anchor component={Link} to={`/inst/courses/${course.id}`}>{course.title}</Anchor></Table.Td>
                      <Table.Td>{course.category.title}</Table.Td>
                      <Table.Td>{t('list.days', { count: course.periodDays })}</Table.Td>
                      <Table.Td><CourseStateBadge state={course.state} /></Table.Td>
                      <Table.Td>{koreaDateTime(course.updatedAt, i18n.language)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </ScrollArea>
            {list.total > PAGE_SIZE && (
              <nav aria-label={t('list.pages')}>
                <Pagination total={Math.ceil(list.total / PAGE_SIZE)} value={page} onChange={(p) => go({ page: p })}
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
