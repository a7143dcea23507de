import { Alert, Button, Group, List, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Structure } from '../queries';

type Props = { theirs: Structure; busy: boolean; onLoadTheirs: () => void; onOverwrite: () => void };

/**
 * Someone saved the structure after this page read it (412). Their version is shown, and the person chooses: take
 * theirs (losing these changes) or put these changes over theirs (a new save against their version).
 */
export function ConflictPanel({ theirs, busy, onLoadTheirs, onOverwrite }: Props) {
  const { t } = useTranslation('instCourses');
  const items = theirs.chapters.reduce((sum, c) => sum + c.items.length, 0);
  return (
    <Alert color="orange" variant="light" role="alert" data-testid="conflict">
      <Stack gap="sm">
        <Text fw={700}>{t('conflict.title')}</Text>
        <Text size="sm">{t('conflict.body')}</Text>
        <Text size="sm" fw={600}>{t('conflict.theirs', { chapters: theirs.chapters.length, items })}</Text>
        <List size="sm" type="ordered">
          {[...theirs.chapters].sort((a, b) => a.position - b.position).map((chapter) => (
            <List.Item key={chapter.id}>{t('conflict.chapter', { title: chapter.title, count: chapter.items.length })}</List.Item>
          ))}
        </List>
        <Group gap="xs">
          <Button size="sm" variant="default" onClick={onLoadTheirs} disabled={busy}>{t('conflict.loadTheirs')}</Button>
          <Button size="sm" color="red.9" onClick={onOverwrite} loading={busy}>{t('conflict.overwrite')}</Button>
        </Group>
      </Stack>
    </Alert>
  );
}
