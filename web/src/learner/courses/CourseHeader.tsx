import { Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { koreaDate, koreaDateTime, koreaToday } from '../../common/time';
import { formatPercent } from '../format';
import type { EnrollmentDetail } from '../useEnrollment';
import { EnrollmentStateBadge } from './Badges';
import { periodPhase } from './enrollmentGroups';
import { ProgressLine } from './ProgressLine';

export function CourseHeader({ enrollment }: { enrollment: EnrollmentDetail }) {
  const { t, i18n } = useTranslation('learner');
  const phase = periodPhase(enrollment.beginDate, enrollment.endDate, koreaToday());
  const period = t('common:time.period', {
    begin: koreaDate(enrollment.beginDate, i18n.language),
    end: koreaDate(enrollment.endDate, i18n.language),
  });
  return (
    <Paper withBorder p="md" radius="md">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" gap="xs">
          <Title order={1} size="h2" style={{ overflowWrap: 'anywhere' }}>{enrollment.courseTitle}</Title>
          <EnrollmentStateBadge state={enrollment.state} />
        </Group>
        <Group gap="lg" wrap="wrap">
          <Text size="sm"><Text span c="gray.7">{t('enrollment.institution')}</Text> {enrollment.institutionName}</Text>
          <Text size="sm"><Text span c="gray.7">{t('enrollment.period')}</Text> {period}</Text>
          {enrollment.completedAt && (
            <Text size="sm" c="teal.9">{t('enrollment.completedAt', { date: koreaDateTime(enrollment.completedAt, i18n.language) })}</Text>
          )}
        </Group>
        {enrollment.state === 'ACTIVE' && phase !== 'open' && (
          <Text size="sm" c="red.9" fw={600}>
            {phase === 'upcoming' ? t('enrollment.upcoming', { date: koreaDate(enrollment.beginDate, i18n.language) }) : t('enrollment.over')}
          </Text>
        )}
        <ProgressLine
          value={enrollment.progressPercent}
          caption={t('enrollment.progress')}
          label={t('enrollment.progressLabel', { percent: formatPercent(enrollment.progressPercent) })}
        />
      </Stack>
    </Paper>
  );
}
