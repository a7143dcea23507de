import { Alert, Button, Card, Code, CopyButton, Group, Stack, Text, Title, VisuallyHidden } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/clients';
import { call } from '../../api/call';
import { ErrorAlert } from '../../common/QueryState';
import { problemText } from '../../common/problemText';
import { ConfirmModal } from './ConfirmModal';
import { studioKeys } from './queries';

/**
 * The encoder's settings: the server URL, and the stream key hidden until asked (a lecturer often shares this very
 * screen), copyable either way, and replaceable with a warning that the old key stops working.
 */
export function ObsSettings({ sessionId, open }: { sessionId: string; open: boolean }) {
  const { t } = useTranslation('studio');
  const queryClient = useQueryClient();
  const [shown, setShown] = useState(false);
  const [asking, { open: ask, close: stopAsking }] = useDisclosure(false);
  const [regenerated, setRegenerated] = useState(false);
  const settings = useQuery({
    queryKey: studioKeys.obs(sessionId),
    queryFn: () => call(api.live.GET('/live/v1/sessions/{id}/broadcast', { params: { path: { id: sessionId } } })),
    enabled: open,
    staleTime: Infinity,
  });
  const regenerate = useMutation({
    mutationFn: () => call(api.live.POST('/live/v1/sessions/{id}/broadcast/key', { params: { path: { id: sessionId } } })),
    onSuccess: (fresh) => {
      queryClient.setQueryData(studioKeys.obs(sessionId), fresh);
      setRegenerated(true);
      stopAsking();
    },
  });

  return (
    <Card withBorder>
      <Stack gap="sm">
        <Title order={2} size="h3">{t('obs.title')}</Title>
        {!open ? <Text size="sm">{t('obs.closed')}</Text> : (
          <>
            <Text size="sm" c="dimmed">{t('obs.intro')}</Text>
            {settings.error ? <ErrorAlert error={settings.error} onRetry={() => void settings.refetch()} /> : null}
            {settings.data && (
              <>
                <Stack gap={4}>
                  <Text size="sm" fw={600}>{t('obs.server')}</Text>
                  <Group gap="xs" wrap="nowrap">
                    <Code style={{ wordBreak: 'break-all' }}>{settings.data.ingestUrl}</Code>
                    <Copy value={settings.data.ingestUrl} label={t('obs.copyServer')} />
                  </Group>
                </Stack>
                <Stack gap={4}>
                  <Text size="sm" fw={600}>{t('obs.key')}</Text>
                  <Group gap="xs">
                    {shown
                      ? <Code data-testid="stream-key" style={{ wordBreak: 'break-all' }}>{settings.data.streamKey}</Code>
                      : <Code><span aria-hidden>••••••••••••••••</span><VisuallyHidden>{t('obs.hidden')}</VisuallyHidden></Code>}
                    <Button variant="default" size="xs" aria-pressed={shown} onClick={() => setShown(!shown)}>
                      {shown ? t('obs.hide') : t('obs.show')}
                    </Button>
                    <Copy value={settings.data.streamKey} label={t('obs.copyKey')} />
                  </Group>
                  <Text size="xs" c="dimmed">{t('obs.keyWarning')}</Text>
                </Stack>
                {regenerated && <Alert color="green" role="status">{t('obs.regenerated')}</Alert>}
                <Button variant="light" color="red" w="fit-content" onClick={ask}>{t('obs.regenerate')}</Button>
                {regenerate.error ? <Alert color="red" role="alert">{problemText(t, regenerate.error)}</Alert> : null}
              </>
            )}
          </>
        )}
      </Stack>
      <ConfirmModal opened={asking} title={t('obs.regenerateTitle')} body={t('obs.regenerateBody')} confirm={t('obs.regenerateConfirm')}
        keep={t('detail.keep')} busy={regenerate.isPending} onConfirm={() => regenerate.mutate()} onClose={stopAsking} />
    </Card>
  );
}

function Copy({ value, label }: { value: string; label: string }) {
  const { t } = useTranslation('studio');
  return (
    <CopyButton value={value} timeout={2000}>
      {({ copied, copy }) => (
        <Group gap={6} wrap="nowrap">
          <Button size="xs" variant="light" onClick={copy}>{label}</Button>
          <Text size="xs" role="status">{copied ? t('obs.copied') : ''}</Text>
        </Group>
      )}
    </CopyButton>
  );
}
