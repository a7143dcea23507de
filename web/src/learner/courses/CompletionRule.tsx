import { List, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { EnrollmentDetail } from '../useEnrollment';

/**
 * The course's completion rule in words. The server's list of what is missing is English prose, so only its length is
 * shown; the progress, the exams and the live classes each say where the learner stands.
 */
export function CompletionRule({ enrollment }: { enrollment: EnrollmentDetail }) {
  const { t } = useTranslation('learner');
  const rule = enrollment.completionRule;
  if (!rule) return null;
  const missing = enrollment.missingForCompletion.length;
  return (
    <Paper withBorder p="md" radius="md">
      <Stack gap="xs">
        <Title order={2} size="h4">{t('room.rule.title')}</Title>
        <List size="sm" spacing={4}>
          <List.Item>{t('room.rule.video', { percent: rule.videoProgressPercent })}</List.Item>
          <List.Item>{t('room.rule.course', { percent: rule.courseProgressPercent })}</List.Item>
          <List.Item>{t('room.rule.evaluation', { score: rule.evaluationPassScore })}</List.Item>
          {rule.liveAttendancePercent !== null && <List.Item>{t('room.rule.live', { percent: rule.liveAttendancePercent })}</List.Item>}
          <List.Item>{t('room.rule.unlock', { mid: rule.midExamUnlockPercent, final: rule.finalExamUnlockPercent })}</List.Item>
          <List.Item>{t('room.rule.dailyCap', { count: rule.dailyItemCap })}</List.Item>
        </List>
        {enrollment.state === 'ACTIVE' && (
          <Text size="sm" fw={600}>{missing === 0 ? t('room.rule.met') : t('room.rule.remaining', { count: missing })}</Text>
        )}
      </Stack>
    </Paper>
  );
}
