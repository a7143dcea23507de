import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { problemText } from '../common/problemText';

type Props = {
  opened: boolean;
  title: string;
  body: string;
  confirmLabel: string;
  busy: boolean;
  error: unknown;
  onConfirm: () => void;
  onClose: () => void;
};

/** Asks before something that cannot be undone (deleting a post or a comment). */
export function ConfirmDialog({ opened, title, body, confirmLabel, busy, error, onConfirm, onClose }: Props) {
  const { t } = useTranslation('board');
  return (
    <Modal opened={opened} onClose={onClose} title={title} centered closeButtonProps={{ 'aria-label': t('common:close') }}>
      <Stack gap="md">
        <Text size="sm">{body}</Text>
        {error !== null && error !== undefined && <Alert color="red" role="alert">{problemText(t, error)}</Alert>}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose}>{t('common:cancel')}</Button>
          <Button color="red.9" loading={busy} onClick={onConfirm}>{confirmLabel}</Button>
        </Group>
      </Stack>
    </Modal>
  );
}
