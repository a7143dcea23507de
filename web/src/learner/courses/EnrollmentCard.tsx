import { Anchor, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { koreaDate, koreaToday } from '../../common/time';
import { formatPercent } from '../format';
import { EnrollmentStateBadge } from './Badges';
import { periodPhase, type EnrollmentSummary } from './enrollmentGroups';
import { ProgressLine } from './ProgressLine';

export function EnrollmentCard({ enrollment }: { enrollment: EnrollmentSummary }) {
  const { t, i18n } = useTranslation('learner');
  const phase = periodPhase(enrollment.beginDate, enrollment.endDate, koreaToday());
  const period = t('common:time.period', {
    begin: koreaDate(enrollment.beginDate, i18n.language),
    end: koreaDate(enrollment.endDate, i18n.language),
  });
  return (
    <Card component="article" withBorder padding="md" radius="md" h="100%">
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
          <Title order={3} size="h4" style={{ overflowWrap: 'anywhere' }}>
            <Anchor component={Link} to={`/courses/${enrollment.id}`} inherit>{enrollment.courseTitle}</Anchor>
          </Title>
          <EnrollmentStateBadge state={enrollment.state} />
        </Group>
        <Text size="sm"><Text span c="gray.7">{t('enrollment.institution')}</Text> {enrollment.institutionName}</Text>
        <Text size="sm"><Text span c="gray.7">{t('enrollment.period')}</Text> {period}</Text>
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
    </Card>
  );
}
