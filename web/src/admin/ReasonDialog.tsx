import { Alert, Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ImeSafeForm } from '../common/ImeSafeForm';
import { problemText } from '../common/problemText';
import { REASON_MAX, reasonProblem } from './adminRules';

type Props = {
  opened: boolean;
  title: string;
  explain: string;
  confirmLabel: string;
  danger?: boolean;
  onClose: () => void;
  /** Resolves when done; a rejection is shown in words in the dialog, which stays open. */
  onConfirm: (reason: string) => Promise<void>;
};

/** Every admin action asks why first: the reason goes to the audit trail with it. */
export function ReasonDialog({ opened, title, explain, confirmLabel, danger, onClose, onConfirm }: Props) {
  const { t } = useTranslation('admin');
  const [reason, setReason] = useState('');
  const [tried, setTried] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const broken = tried ? reasonProblem(reason) : null;

  const close = () => {
    setReason('');
    setTried(false);
    setError(null);
    onClose();
  };
  const submit = async () => {
    setTried(true);
    setError(null);
    if (reasonProblem(reason)) return;
    setBusy(true);
    try {
      await onConfirm(reason.trim());
      setReason('');
      setTried(false);
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal opened={opened} onClose={close} centered title={title} closeButtonProps={{ 'aria-label': t('common:close') }}>
      <ImeSafeForm onSubmit={() => void submit()}>
        <Stack gap="md">
          <Text size="sm">{explain}</Text>
          <Textarea label={t('reason.label')} description={t('reason.hint')} required autosize minRows={3} maxRows={8}
            maxLength={REASON_MAX} value={reason} error={broken ? t(`reason.${broken}`) : undefined} data-autofocus
            onChange={(event) => setReason(event.currentTarget.value)} />
          {error !== null && <Alert color="red" role="alert">{problemText(t, error)}</Alert>}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={close}>{t('common:cancel')}</Button>
            <Button type="submit" color={danger ? 'red.9' : undefined} loading={busy}>{confirmLabel}</Button>
          </Group>
        </Stack>
      </ImeSafeForm>
    </Modal>
  );
}
