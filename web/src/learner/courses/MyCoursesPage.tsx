import { Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { QueryState } from '../../common/QueryState';
import { usePageTitle } from '../../common/usePageTitle';
import { useEnrollments } from '../useEnrollments';
import { EnrollmentCard } from './EnrollmentCard';
import { groupEnrollments, type EnrollmentSummary } from './enrollmentGroups';
import { PageNav } from './PageNav';
import styles from '../page.module.css';

const order = ['active', 'completed', 'other'] as const;

export function MyCoursesPage() {
  const { t } = useTranslation('learner');
  usePageTitle(t('myCourses.title'));
  const [params, setParams] = useSearchParams();
  const page = Math.max(1, Math.floor(Number(params.get('page'))) || 1);
  const query = useEnrollments(page);

  return (
    <Stack className={styles.page} gap="lg" maw={1200}>
      <Title order={1}>{t('myCourses.title')}</Title>
      <QueryState query={query}>
        {(data) => {
          if (data.total === 0) return <EmptyCourses />;
          const groups = groupEnrollments(data.items);
          return (
            <>
              {order.map((name) => <CourseGroup key={name} name={name} items={groups[name]} />)}
              <PageNav label={t('myCourses.pages')} page={page} size={data.size} total={data.total}
                onChange={(next) => {
                  setParams({ page: String(next) });
                  window.scrollTo({ top: 0 });
                }} />
            </>
          );
        }}
      </QueryState>
    </Stack>
  );
}

function CourseGroup({ name, items }: { name: (typeof order)[number]; items: EnrollmentSummary[] }) {
  const { t } = useTranslation('learner');
  if (items.length === 0) return null;
  const headingId = `courses-${name}`;
  return (
    <section aria-labelledby={headingId}>
      <Group gap="xs" mb="sm" align="baseline">
        <Title order={2} size="h3" id={headingId}>{t(`myCourses.groups.${name}`)}</Title>
        <Text size="sm" c="gray.7">{t('myCourses.count', { count: items.length })}</Text>
      </Group>
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {items.map((enrollment) => <li key={enrollment.id}><EnrollmentCard enrollment={enrollment} /></li>)}
      </SimpleGrid>
    </section>
  );
}

function EmptyCourses() {
  const { t } = useTranslation('learner');
  return (
    <Paper withBorder p="lg" radius="md">
      <Stack gap={4}>
        <Text fw={600}>{t('myCourses.empty')}</Text>
        <Text size="sm" c="gray.7">{t('myCourses.emptyHint')}</Text>
      </Stack>
    </Paper>
  );
}
