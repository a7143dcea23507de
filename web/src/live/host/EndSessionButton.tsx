import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/clients';
import { call } from '../../api/call';
import { liveProblemText } from '../liveProblemText';

/** Ends a LIVE session after a confirmation: the stream stops and everyone joined is told at once. */
export function EndSessionButton({ sessionId, onEnded }: { sessionId: string; onEnded: () => void }) {
  const { t } = useTranslation('live');
  const [opened, { open, close }] = useDisclosure(false);
  const end = useMutation({
    mutationFn: () => call(api.live.POST('/live/v1/sessions/{id}/end', { params: { path: { id: sessionId } } })),
    onSuccess: () => {
      close();
      onEnded();
    },
  });
  return (
    <>
      <Button color="red.9" onClick={open}>{t('host.end')}</Button>
      <Modal opened={opened} onClose={close} title={t('host.endTitle')} centered>
        <Stack gap="md">
          <Text>{t('host.endBody')}</Text>
          {end.error ? <Alert color="red" variant="light" role="alert">{liveProblemText(t, end.error)}</Alert> : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>{t('common:cancel')}</Button>
            <Button color="red.9" loading={end.isPending} onClick={() => end.mutate()}>{t('host.endConfirm')}</Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
