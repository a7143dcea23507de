import { Alert, Loader, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export function SettingUpNotice({ phase }: { phase: string }) {
  const { t } = useTranslation('auth');
  if (phase === 'settingUp') {
    return (
      <Alert color="blue" role="status">
        <Group gap="sm"><Loader size="sm" aria-hidden /><Text size="sm">{t('settingUp')}</Text></Group>
      </Alert>
    );
  }
  if (phase === 'slow') return <Alert color="yellow" role="status">{t('settingUpSlow')}</Alert>;
  return null;
}
