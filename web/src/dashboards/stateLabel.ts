import type { TFunction } from 'i18next';

/** A provision's or a learner's state in words; a state this app does not know yet is shown as given, marked as other. */
export function stateLabel(t: TFunction, state: string): string {
  const key = `dashboards:states.${state}`;
  const known = t(key, { defaultValue: '' });
  return known !== '' ? known : t('dashboards:states.unknown', { state });
}
