import { Anchor, Divider, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { QueryState } from '../../common/QueryState';
import { usePageTitle } from '../../common/usePageTitle';
import { useCatalogCourse, type CatalogCourse } from './queries';
import { RequestForm } from './RequestForm';

export function CourseDetailPage() {
  const { courseId = '' } = useParams();
  const query = useCatalogCourse(courseId);
  return <QueryState query={query}>{(course) => <CourseDetail course={course} />}</QueryState>;
}

function CourseDetail({ course }: { course: CatalogCourse }) {
  const { t } = useTranslation('corpProvisions');
  usePageTitle(course.title);
  return (
    <Stack maw={820} gap="md">
      <Anchor component={Link} to="/corp/catalog" size="sm">{t('course.back')}</Anchor>
      <Title order={1}>{course.title}</Title>
      <Table variant="vertical" withTableBorder={false}>
        <Table.Tbody>
          <Table.Tr><Table.Th w={140}>{t('course.institution')}</Table.Th><Table.Td>{course.institutionName}</Table.Td></Table.Tr>
          <Table.Tr><Table.Th>{t('course.category')}</Table.Th><Table.Td>{course.category.title}</Table.Td></Table.Tr>
          <Table.Tr><Table.Th>{t('course.instructor')}</Table.Th><Table.Td>{course.instructorName}</Table.Td></Table.Tr>
          <Table.Tr><Table.Th>{t('course.period')}</Table.Th><Table.Td>{t('course.periodValue', { count: course.periodDays })}</Table.Td></Table.Tr>
          <Table.Tr>
            <Table.Th>{t('course.rating')}</Table.Th>
            <Table.Td>{course.averageRating === null ? t('catalog.noRating')
              : t('catalog.ratingValue', { rating: course.averageRating.toFixed(1), count: course.ratings })}</Table.Td>
          </Table.Tr>
        </Table.Tbody>
      </Table>
      {course.introduction && (
        <Stack gap={4}>
          <Title order={2} size="h3">{t('course.introduction')}</Title>
          <Text style={{ whiteSpace: 'pre-wrap' }}>{course.introduction}</Text>
        </Stack>
      )}
      <Divider />
      <RequestForm courseId={course.id} periodDays={course.periodDays} />
    </Stack>
  );
}
