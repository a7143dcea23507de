import { Anchor, Button, Group, Pagination, ScrollArea, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { QueryState } from '../../common/QueryState';
import { koreaDateTime } from '../../common/time';
import { usePageTitle } from '../../common/usePageTitle';
import { useOwnCourse } from '../ownCourse';
import { EXAM_PAGE_SIZE, useCourseExams } from './examApi';
import { ExamStateBadge } from './ExamStateBadge';

/** `/inst/courses/:courseId/exams`: the course's exams in the order they were made, with their state and window. */
export function ExamListPage() {
  const { t, i18n } = useTranslation('instExams');
  const { courseId = '' } = useParams();
  const [page, setPage] = useState(1);
  const course = useOwnCourse(courseId);
  const exams = useCourseExams(courseId, page);
  const title = course.data ? t('list.title', { course: course.data.title }) : t('list.titleFallback');
  usePageTitle(title);
  const when = (instant: string | null) => (instant ? koreaDateTime(instant, i18n.language) : '');

  return (
    <Stack gap="md">
      <Anchor component={Link} to={`/inst/courses/${courseId}`} size="sm" w="fit-content">{t('list.backToCourse')}</Anchor>
      <QueryState query={course}>
        {() => (
          <>
            <Group justify="space-between" align="flex-end">
              <Stack gap={4}>
                <Title order={1}>{title}</Title>
                <Text size="sm" c="dimmed">{t('list.intro')}</Text>
              </Stack>
              <Button component={Link} to={`/inst/courses/${courseId}/exams/new`}>{t('list.create')}</Button>
            </Group>
            <QueryState query={exams}>
              {(list) => list.items.length === 0 ? <Text>{t('list.empty')}</Text> : (
                <>
                  <ScrollArea type="auto">
                    <Table striped miw={720}>
                      <Table.Caption>{t('list.caption')}</Table.Caption>
                      <Table.Thead>
                        <Table.Tr>
                          <Table.Th scope="col">{t('list.exam')}</Table.Th>
                          <Table.Th scope="col">{t('list.kind')}</Table.Th>
                          <Table.Th scope="col">{t('list.state')}</Table.Th>
                          <Table.Th scope="col">{t('list.questions')}</Table.Th>
                          <Table.Th scope="col">{t('list.points')}</Table.Th>
                          <Table.Th scope="col">{t('list.window')}</Table.Th>
                        </Table.Tr>
                      </Table.Thead>
                      <Table.Tbody>
                        {list.items.map((exam) => (
                          <Table.Tr key={exam.id}>
                            <Table.Td><Anchor component={Link} to={`/inst/exams/${exam.id}`}>{exam.title}</Anchor></Table.Td>
                            <Table.Td>{t(`kind.${exam.kind}`, { defaultValue: exam.kind })}</Table.Td>
                            <Table.Td><ExamStateBadge state={exam.state} /></Table.Td>
                            <Table.Td>{exam.questionCount}</Table.Td>
                            <Table.Td>{exam.totalPoints}</Table.Td>
                            <Table.Td>
                              {exam.opensAt || exam.closesAt
                                ? t('common:time.period', { begin: when(exam.opensAt), end: when(exam.closesAt) })
                                : t('list.noWindow')}
                            </Table.Td>
                          </Table.Tr>
                        ))}
                      </Table.Tbody>
                    </Table>
                  </ScrollArea>
                  {list.total > EXAM_PAGE_SIZE && (
                    <nav aria-label={t('list.pages')}>
                      <Pagination total={Math.ceil(list.total / EXAM_PAGE_SIZE)} value={page} onChange={setPage}
                        getControlProps={(control) => ({ 'aria-label': t(`common:${control === 'previous' ? 'previous' : 'next'}`) })} />
                    </nav>
                  )}
                </>
              )}
            </QueryState>
          </>
        )}
      </QueryState>
    </Stack>
  );
}
