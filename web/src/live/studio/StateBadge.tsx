import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';

// Filled in dark shades: white words on them stay above AA contrast.
const colours: Record<string, string> = { SCHEDULED: 'blue.8', LIVE: 'red.8', ENDED: 'gray.7', CANCELLED: 'gray.7' };

export function StateBadge({ state }: { state: string }) {
  const { t } = useTranslation('studio');
  return <Badge variant="filled" color={colours[state] ?? 'gray.7'}>{t(`states.${state}`, { defaultValue: state })}</Badge>;
}
