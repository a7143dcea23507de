import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';

const colors: Record<string, string> = { ACTIVE: 'teal.9', SUSPENDED: 'red.9', UNCONFIRMED: 'gray.7' };

/** An account's or organisation's standing in words (filled badges keep AA contrast). */
export function StateBadge({ state }: { state: string }) {
  const { t } = useTranslation('admin');
  return (
    <Badge variant="filled" color={colors[state] ?? 'gray.7'}>
      {t(`states.${state}`, { defaultValue: t('states.unknown', { state }) })}
    </Badge>
  );
}
