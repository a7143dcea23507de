import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useBlocker } from 'react-router';

/**
 * Asks before unsaved changes are left: the browser's own question when the tab is closed or reloaded, the app's
 * when another page of the app is opened.
 */
export function LeaveGuard({ when }: { when: boolean }) {
  const { t } = useTranslation('instCourses');
  const blocker = useBlocker(({ currentLocation, nextLocation }) => when && currentLocation.pathname !== nextLocation.pathname);
  useEffect(() => {
    if (!when) return;
    const ask = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      // Older browsers ask only when a value is set.
      event.returnValue = '';
    };
    window.addEventListener('beforeunload', ask);
    return () => window.removeEventListener('beforeunload', ask);
  }, [when]);
  return (
    <Modal opened={blocker.state === 'blocked'} onClose={() => blocker.reset?.()} title={t('leave.title')} centered
      closeButtonProps={{ 'aria-label': t('leave.stay') }}>
      <Stack gap="md">
        <Text size="sm">{t('leave.body')}</Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={() => blocker.reset?.()}>{t('leave.stay')}</Button>
          <Button color="red.8" onClick={() => blocker.proceed?.()}>{t('leave.go')}</Button>
        </Group>
      </Stack>
    </Modal>
  );
}
