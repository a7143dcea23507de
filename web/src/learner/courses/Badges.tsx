import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';

const enrollmentColors: Record<string, string> = { ACTIVE: 'blue.8', COMPLETED: 'teal.9', CANCELLED: 'gray.7' };
const itemColors: Record<string, string> = { NOT_STARTED: 'gray.7', IN_PROGRESS: 'blue.8', COMPLETED: 'teal.9' };

export function EnrollmentStateBadge({ state }: { state: string }) {
  const { t } = useTranslation('learner');
  const known = state in enrollmentColors;
  return <Badge color={enrollmentColors[state] ?? 'gray.7'} variant="filled">{t(`enrollment.states.${known ? state : 'unknown'}`)}</Badge>;
}

export function ItemStateBadge({ state }: { state: string }) {
  const { t } = useTranslation('learner');
  const known = state in itemColors;
  return <Badge color={itemColors[state] ?? 'gray.7'} variant="filled">{t(`outline.states.${known ? state : 'unknown'}`)}</Badge>;
}

export function RequiredBadge({ required }: { required: boolean }) {
  const { t } = useTranslation('learner');
  return required
    ? <Badge color="red.9" variant="outline">{t('outline.required')}</Badge>
    : <Badge color="gray.7" variant="outline">{t('outline.optional')}</Badge>;
}
