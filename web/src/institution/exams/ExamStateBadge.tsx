import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export function ExamStateBadge({ state }: { state: string }) {
  const { t } = useTranslation('instExams');
  return <Badge color={state === 'PUBLISHED' ? 'teal.9' : 'gray.7'} variant={state === 'PUBLISHED' ? 'filled' : 'outline'}>
    {t(`state.${state}`, { defaultValue: state })}
  </Badge>;
}
