import { Alert, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ItemStateBadge } from '../courses/Badges';
import { ProgressLine } from '../courses/ProgressLine';
import { durationParts, formatPercent } from '../format';
import type { EnrollmentItem } from './itemNavigation';
import type { ItemProgress } from './useHeartbeats';

type Props = {
  item: EnrollmentItem;
  /** The server's latest answer about this item, when this visit has one. */
  progress: ItemProgress | null;
  reviewing: boolean;
  videoThreshold: number | null;
};

/** The item's progress as the server measured it, and for videos how it is measured. */
export function ItemProgressPanel({ item, progress, reviewing, videoThreshold }: Props) {
  const { t } = useTranslation('learner');
  const state = progress?.state ?? item.state;
  const percent = progress?.progressPercent ?? item.progressPercent;
  const isVideo = item.kind === 'VIDEO';
  return (
    <Paper withBorder p="md" radius="md">
      <Stack gap="sm">
        <Group justify="space-between" gap="xs">
          <Title order={2} size="h4">{t('player.progressTitle')}</Title>
          <ItemStateBadge state={state} />
        </Group>
        {isVideo && (
          <ProgressLine value={percent} caption={t('enrollment.progress')} label={t('player.progressLabel', { percent: formatPercent(percent) })} />
        )}
        {isVideo && progress && <Text size="sm">{t('player.watched', durationParts(progress.watchedSeconds))}</Text>}
        {progress && <Text size="sm">{t('player.courseProgress', { percent: formatPercent(progress.courseProgressPercent) })}</Text>}
        {state === 'COMPLETED' && <Text size="sm" fw={600} c="teal.9">{t('player.completed')}</Text>}
        {progress?.dailyCapReached && <Alert color="blue" variant="outline" role="status">{t('player.dailyCap')}</Alert>}
        {reviewing && <Text size="sm">{t('player.reviewing')}</Text>}
        {isVideo && !reviewing && (
          <Stack gap={4}>
            <Text size="sm">{t('player.antiSkip')}</Text>
            {videoThreshold !== null && <Text size="sm">{t('player.threshold', { percent: videoThreshold })}</Text>}
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}
