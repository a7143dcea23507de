import { Accordion, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { QueryState } from '../common/QueryState';
import { usePageTitle } from '../common/usePageTitle';
import { TeachbackLinks } from './TeachbackLinks';
import { TopicCard } from './TopicCard';
import type { TopicsResponse } from './topics';
import { useTopics } from './useTopics';

/** What I may practise: my courses' topics, then the free-practice catalog by major and subject. */
export function TopicsPage() {
  const { t } = useTranslation('teachback');
  usePageTitle(t('title'));
  const topics = useTopics();
  return (
    <Stack maw={960} gap="lg">
      <Stack gap="xs">
        <Title order={1}>{t('title')}</Title>
        <Text>{t('intro')}</Text>
        <TeachbackLinks />
      </Stack>
      <QueryState query={topics}>
        {(data) => (
          <>
            <CourseTopics data={data} />
            <Catalog data={data} />
          </>
        )}
      </QueryState>
    </Stack>
  );
}

function CourseTopics({ data }: { data: TopicsResponse }) {
  const { t } = useTranslation('teachback');
  return (
    <Stack gap="sm" component="section" aria-labelledby="teachback-courses">
      <Title order={2} id="teachback-courses">{t('topics.courses')}</Title>
      {data.courses.length === 0 && <Text c="dimmed">{t('topics.noCourses')}</Text>}
      {data.courses.map((course) => (
        <Stack key={course.courseId} gap="xs">
          <Title order={3} size="h4">{course.courseTitle}</Title>
          {course.topics.length === 0
            ? <Text size="sm" c="dimmed">{t('topics.noTopics')}</Text>
            : (
              <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
                {course.topics.map((topic) => <TopicCard key={topic.id} topic={topic} order={4} />)}
              </SimpleGrid>
            )}
        </Stack>
      ))}
    </Stack>
  );
}

function Catalog({ data }: { data: TopicsResponse }) {
  const { t } = useTranslation('teachback');
  return (
    <Stack gap="sm" component="section" aria-labelledby="teachback-catalog">
      <Title order={2} id="teachback-catalog">{t('topics.catalog')}</Title>
      {data.catalog.length === 0 ? <Text c="dimmed">{t('topics.noCatalog')}</Text> : (
        <Accordion multiple variant="separated" order={3} defaultValue={data.catalog.length === 1 ? [data.catalog[0].major] : []}>
          {data.catalog.map((major) => (
            <Accordion.Item key={major.major} value={major.major}>
              <Accordion.Control>{major.major}</Accordion.Control>
              <Accordion.Panel>
                <Stack gap="md">
                  {major.subjects.map((subject) => (
                    <Stack key={subject.subject} gap="xs">
                      <Title order={4} size="h5">{subject.subject}</Title>
                      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
                        {subject.topics.map((topic) => <TopicCard key={topic.id} topic={topic} order={5} />)}
                      </SimpleGrid>
                    </Stack>
                  ))}
                </Stack>
              </Accordion.Panel>
            </Accordion.Item>
          ))}
        </Accordion>
      )}
    </Stack>
  );
}
