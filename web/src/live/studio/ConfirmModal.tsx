import { Button, Group, Modal, Stack, Text } from '@mantine/core';

type Props = {
  opened: boolean;
  title: string;
  body: string;
  confirm: string;
  keep: string;
  busy?: boolean;
  onConfirm: () => void;
  onClose: () => void;
};

/** A question before an action that cannot be undone (cancel, end, a new key), with the consequence in words. */
export function ConfirmModal({ opened, title, body, confirm, keep, busy, onConfirm, onClose }: Props) {
  return (
    <Modal opened={opened} onClose={onClose} title={title} centered closeButtonProps={{ 'aria-label': keep }}>
      <Stack gap="md">
        <Text size="sm">{body}</Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>{keep}</Button>
          <Button color="red" loading={busy} onClick={onConfirm}>{confirm}</Button>
        </Group>
      </Stack>
    </Modal>
  );
}
