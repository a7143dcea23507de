import { Anchor, Group, Paper, Progress, Stack, Text, Title, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { durationParts, formatPercent } from '../format';
import type { EnrollmentDetail } from '../useEnrollment';
import { ItemStateBadge, RequiredBadge } from './Badges';
import { ItemKindLabel } from './ItemKind';

type Item = EnrollmentDetail['chapters'][number]['items'][number];

const plainList = { listStyle: 'none', padding: 0, margin: 0 } as const;

export function OutlineTab({ enrollment }: { enrollment: EnrollmentDetail }) {
  const { t } = useTranslation('learner');
  return (
    <Stack gap="lg">
      <VisuallyHidden component="h2">{t('outline.title')}</VisuallyHidden>
      {enrollment.chapters.length === 0 && <Text>{t('outline.empty')}</Text>}
      {enrollment.chapters.map((chapter) => (
        <section key={chapter.id} aria-labelledby={`chapter-${chapter.id}`}>
          <Group gap="xs" align="baseline" mb="xs">
            <Title order={3} size="h4" id={`chapter-${chapter.id}`}>{chapter.title}</Title>
            <Text size="sm" c="gray.7">{t('outline.chapterItems', { count: chapter.items.length })}</Text>
          </Group>
          <Stack component="ul" gap="xs" style={plainList}>
            {chapter.items.map((item) => <ItemRow key={item.id} enrollmentId={enrollment.id} item={item} />)}
          </Stack>
        </section>
      ))}
    </Stack>
  );
}

function ItemRow({ enrollmentId, item }: { enrollmentId: string; item: Item }) {
  const { t } = useTranslation('learner');
  const percent = formatPercent(item.progressPercent);
  const length = item.durationSeconds ? durationParts(item.durationSeconds) : null;
  return (
    <Paper component="li" withBorder p="sm" radius="md">
      <Group justify="space-between" align="center" gap="sm">
        <Stack gap={4} style={{ flex: '1 1 16rem', minWidth: 0 }}>
          <Anchor component={Link} to={`/courses/${enrollmentId}/items/${item.id}`} fw={600} style={{ overflowWrap: 'anywhere' }}>
            {item.title}
          </Anchor>
          <Group gap="xs" wrap="wrap">
            <ItemKindLabel kind={item.kind} />
            {length && <Text size="sm" c="gray.7">{t('outline.length', length)}</Text>}
            <RequiredBadge required={item.required} />
          </Group>
        </Stack>
        <Group gap="xs" wrap="nowrap">
          {item.kind === 'VIDEO' && item.state !== 'COMPLETED' && (
            <Group gap={6} wrap="nowrap">
              <Progress w={72} value={Number(percent)} aria-label={t('outline.itemProgressLabel', { title: item.title, percent })} />
              <Text size="sm" w={48} ta="right">{t('outline.itemProgress', { percent })}</Text>
            </Group>
          )}
          <ItemStateBadge state={item.state} />
        </Group>
      </Group>
    </Paper>
  );
}
