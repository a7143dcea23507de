import { Anchor, Paper, Stack, Tabs, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { QueryState } from '../common/QueryState';
import { StatusPage } from '../common/StatusPage';
import { usePageTitle } from '../common/usePageTitle';
import { Recorder } from './Recorder';
import { TextAnswer } from './TextAnswer';
import { findTopic, type PlacedTopic } from './topics';
import { useTopics } from './useTopics';

/** One topic: its prompt, then the explanation aloud or in writing. */
export function PracticePage() {
  const { topicId = '' } = useParams();
  const topics = useTopics();
  return (
    <QueryState query={topics}>
      {(data) => {
        const placed = findTopic(data, topicId);
        return placed ? <Practice placed={placed} /> : <StatusPage kind="not-found" />;
      }}
    </QueryState>
  );
}

function Practice({ placed }: { placed: PlacedTopic }) {
  const { t } = useTranslation('teachback');
  const { topic } = placed;
  usePageTitle(topic.title);
  return (
    <Stack maw={760} gap="md">
      <Anchor component={Link} to="/teachback" size="sm" w="fit-content">{t('links.topics')}</Anchor>
      <Stack gap={4}>
        <Title order={1} style={{ wordBreak: 'keep-all' }}>{topic.title}</Title>
        <Text size="sm" c="dimmed">
          {placed.courseTitle ? t('practice.course', { title: placed.courseTitle }) : t('practice.catalogPath', { major: placed.major, subject: placed.subject })}
        </Text>
      </Stack>
      <Paper withBorder p="md" bg="gray.0">
        <Title order={2} size="h4" mb="xs">{t('practice.prompt')}</Title>
        <Text style={{ whiteSpace: 'pre-line', wordBreak: 'keep-all' }}>{topic.prompt ?? t('practice.noPrompt')}</Text>
      </Paper>
      {/* Unmounting the recorder when the other tab is chosen releases the microphone. */}
      <Tabs defaultValue="speak" keepMounted={false}>
        <Tabs.List aria-label={t('practice.modes')} grow>
          <Tabs.Tab value="speak">{t('practice.speak')}</Tabs.Tab>
          <Tabs.Tab value="write">{t('practice.write')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="speak" pt="md"><Recorder topicId={topic.id} /></Tabs.Panel>
        <Tabs.Panel value="write" pt="md"><TextAnswer topicId={topic.id} /></Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
