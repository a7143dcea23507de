import { Badge, Button, Group, Paper, Stack, Text, Title, type TitleOrder } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Topic } from './topics';

/** One topic: its title, the prompt learners read, and the way into practising it. */
export function TopicCard({ topic, order }: { topic: Topic; order: TitleOrder }) {
  const { t, i18n } = useTranslation('teachback');
  const foreign = topic.language !== i18n.language.slice(0, 2);
  return (
    <Paper withBorder p="md">
      <Stack gap="xs">
        <Group gap="xs" wrap="nowrap" justify="space-between" align="flex-start">
          <Title order={order} size="h5" style={{ wordBreak: 'keep-all' }}>{topic.title}</Title>
          {foreign && <Badge variant="outline" color="gray.8">{t(`topics.language.${topic.language}`, { defaultValue: topic.language })}</Badge>}
        </Group>
        {topic.prompt && <Text size="sm" lineClamp={3} style={{ whiteSpace: 'pre-line', wordBreak: 'keep-all' }}>{topic.prompt}</Text>}
        {/* Every card has this button: its name says which topic, beginning with the words it shows. */}
        <Button component={Link} to={`/teachback/topics/${topic.id}`} size="xs" w="fit-content" aria-label={t('topics.practiseTopic', { title: topic.title })}>
          {t('topics.practise')}
        </Button>
      </Stack>
    </Paper>
  );
}
