import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';

// Dark shades keep white text above WCAG AA contrast.
const colors: Record<string, string> = { SCHEDULED: 'blue.8', LIVE: 'red.9', ENDED: 'gray.7', CANCELLED: 'gray.7' };

export function SessionStateBadge({ state }: { state: string }) {
  const { t } = useTranslation('live');
  const known = state in colors;
  return (
    <Badge size="lg" variant="filled" color={colors[state] ?? 'gray.7'} data-testid="session-state">
      {t(`states.${known ? state : 'unknown'}`)}
    </Badge>
  );
}
