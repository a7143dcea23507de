import { Badge, Button, Group, Paper, Stack, Text, Title, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { koreaDateTime } from '../../common/time';
import { formatPercent } from '../format';
import type { EnrollmentDetail } from '../useEnrollment';
import { RequiredBadge } from './Badges';
import { examStatus, type EnrollmentExam } from './examStatus';
import { SectionState } from './SectionState';
import { useEnrollmentExams } from './useEnrollmentExams';

const plainList = { listStyle: 'none', padding: 0, margin: 0 } as const;

export function ExamsTab({ enrollment }: { enrollment: EnrollmentDetail }) {
  const { t } = useTranslation('learner');
  const query = useEnrollmentExams(enrollment.id);
  return (
    <Stack gap="md">
      <VisuallyHidden component="h2">{t('exams.title')}</VisuallyHidden>
      <SectionState query={query}>
        {(exams) => exams.length === 0
          ? <Text>{t('exams.empty')}</Text>
          : (
            <Stack component="ul" gap="sm" style={plainList}>
              {exams.map((exam) => <ExamCard key={exam.id} exam={exam} enrollment={enrollment} />)}
            </Stack>
          )}
      </SectionState>
    </Stack>
  );
}

function ExamCard({ exam, enrollment }: { exam: EnrollmentExam; enrollment: EnrollmentDetail }) {
  const { t, i18n } = useTranslation('learner');
  const status = examStatus(exam, Date.now());
  const kind = exam.kind === 'MID' || exam.kind === 'FINAL' ? exam.kind : 'unknown';
  const action = t(`exams.open.${status === 'in-progress' || status === 'available' ? status : 'other'}`);
  const openWindow = exam.opensAt && exam.closesAt
    ? t('exams.window', { from: koreaDateTime(exam.opensAt, i18n.language), to: koreaDateTime(exam.closesAt, i18n.language) })
    : exam.opensAt ? t('exams.windowFrom', { from: koreaDateTime(exam.opensAt, i18n.language) })
      : exam.closesAt ? t('exams.windowTo', { to: koreaDateTime(exam.closesAt, i18n.language) }) : null;
  return (
    <Paper component="li" withBorder p="md" radius="md">
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start" gap="xs">
          <Title order={3} size="h4" style={{ overflowWrap: 'anywhere' }}>{exam.title}</Title>
          <Group gap={6}>
            <Badge color="indigo.8" variant="filled">{t(`exams.kinds.${kind}`)}</Badge>
            <RequiredBadge required={exam.required} />
          </Group>
        </Group>
        {exam.description && <Text size="sm">{exam.description}</Text>}
        <Text size="sm" c="gray.7">
          {t('exams.facts', {
            questions: exam.questionCount, minutes: exam.timeLimitMinutes, pass: exam.passScore, used: exam.attemptsUsed, allowed: exam.attemptsAllowed,
          })}
        </Text>
        {openWindow && <Text size="sm" c="gray.7">{openWindow} ({t('common:time.kst')})</Text>}
        <Text size="sm" fw={600} c={status === 'passed' ? 'teal.9' : status === 'available' || status === 'in-progress' ? 'blue.9' : 'gray.8'}>
          {t(`exams.status.${status}`, { percent: exam.unlockPercent, current: formatPercent(enrollment.progressPercent) })}
        </Text>
        <Text size="sm">{exam.score === null ? t('exams.noScore') : t('exams.best', { score: formatPercent(exam.score) })}</Text>
        <Button component={Link} to={`/courses/${enrollment.id}/exams/${exam.id}`} w="fit-content"
          variant={status === 'available' || status === 'in-progress' ? 'filled' : 'default'}
          aria-label={t('exams.openLabel', { title: exam.title, action })}>
          {action}
        </Button>
      </Stack>
    </Paper>
  );
}
