import { Alert, Button, Group, Loader, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { isFinalRefusal } from './hub/hubRefusal';
import type { ClassroomHub } from './hub/useClassroomHub';

/** "Reconnecting…" while the connection is being brought back; why it stopped, with a button, when it gave up. */
export function ConnectionBanner({ hub }: { hub: ClassroomHub }) {
  const { t } = useTranslation('live');
  const refusal = hub.phase.kind === 'stopped' ? hub.phase.refusal : null;
  return (
    <>
      {/* Always present, so screen readers announce the banner the moment it appears. */}
      <div role="status">
        {hub.banner === 'reconnecting' && (
          <Alert color="yellow" variant="light">
            <Group gap="xs" wrap="nowrap">
              <Loader size="xs" color="yellow.9" aria-hidden="true" />
              <Text size="sm">{t('connection.reconnecting')}</Text>
            </Group>
          </Alert>
        )}
      </div>
      {hub.banner === 'stopped' && (
        <Alert color="red" variant="light" role="alert">
          <Group justify="space-between" gap="xs">
            <Text size="sm">{refusal ? t(`refusal.${refusal}`) : t('connection.stopped')}</Text>
            {!(refusal && isFinalRefusal(refusal)) && <Button size="xs" variant="default" onClick={hub.retry}>{t('connection.retry')}</Button>}
          </Group>
        </Alert>
      )}
    </>
  );
}
