import { Group, Progress, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatPercent } from '../format';

/** A progress bar with its percentage written beside it, so it is read without relying on the bar. */
export function ProgressLine({ value, label, caption }: { value: number; label: string; caption: string }) {
  const { t } = useTranslation('learner');
  const percent = formatPercent(value);
  return (
    <Stack gap={4}>
      <Group justify="space-between" gap="xs">
        <Text size="sm" c="gray.7">{caption}</Text>
        <Text size="sm" fw={600}>{t('enrollment.progressValue', { percent })}</Text>
      </Group>
      <Progress value={Number(percent)} aria-label={label} size="md" color={Number(percent) >= 100 ? 'teal.9' : 'blue.8'} />
    </Stack>
  );
}
