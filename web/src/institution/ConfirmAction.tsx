import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

type Props = {
  opened: boolean;
  title: string;
  body: string;
  confirmLabel: string;
  keepLabel?: string;
  /** A destructive action is red; publishing is not. */
  danger?: boolean;
  busy: boolean;
  /** The refusal in words, shown in the dialog so the person sees why nothing happened. */
  errorText?: string | null;
  onConfirm: () => void;
  onClose: () => void;
};

/** Asks before an action that cannot be taken back (delete, publish, remove a manager), with its consequence in words. */
export function ConfirmAction({ opened, title, body, confirmLabel, keepLabel, danger = true, busy, errorText, onConfirm, onClose }: Props) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={title} centered closeButtonProps={{ 'aria-label': t('close') }}>
      <Stack gap="md">
        <Text size="sm">{body}</Text>
        {errorText && <Alert color="red" role="alert">{errorText}</Alert>}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose}>{keepLabel ?? t('cancel')}</Button>
          <Button color={danger ? 'red.9' : undefined} loading={busy} onClick={onConfirm}>{confirmLabel}</Button>
        </Group>
      </Stack>
    </Modal>
  );
}
