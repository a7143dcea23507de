import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';

// Filled in dark shades: white words on them stay above AA contrast.
const colours: Record<string, string> = {
  REQUESTED: 'grape.8', ACCEPTED: 'blue.8', ROSTER_SUBMITTED: 'indigo.9', REGISTERED: 'teal.9', IN_PROGRESS: 'cyan.9',
  FINISHED: 'gray.7', DECLINED: 'red.9', CANCELLED: 'gray.7',
};

/** A provision's state in words, the same on the company's and the institution's side. */
export function ProvisionStateBadge({ state }: { state: string }) {
  const { t } = useTranslation('corpProvisions');
  return <Badge variant="filled" color={colours[state] ?? 'gray.7'}>{t(`states.${state}`, { defaultValue: state })}</Badge>;
}
