import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';

// Filled in dark shades: white words on them stay above AA contrast.
const colours: Record<string, string> = { DRAFT: 'gray.7', PUBLISHED: 'teal.9', ARCHIVED: 'dark.5' };

export function CourseStateBadge({ state }: { state: string }) {
  const { t } = useTranslation('instCourses');
  return <Badge variant="filled" color={colours[state] ?? 'gray.7'}>{t(`states.${state}`, { defaultValue: state })}</Badge>;
}
