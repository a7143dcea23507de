import { Loader, Paper, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

type Props = { state: string; children?: ReactNode };

/** What stands where the video will be, or was: before the start, while the stream warms up, after the end. */
export function StageNotice({ state, children }: Props) {
  const { t } = useTranslation('live');
  return (
    <Paper withBorder p="lg" radius="md" bg="gray.0" data-testid="stage">
      <Stack gap="sm" align="flex-start">
        {state === 'SCHEDULED' && (
          <>
            <Title order={2} size="h3">{t('stage.scheduledTitle')}</Title>
            <Text>{t('stage.scheduledBody')}</Text>
          </>
        )}
        {state === 'LIVE' && (
          <Stack gap="xs" align="center" w="100%">
            <Loader size="sm" aria-hidden="true" />
            <Text>{t('stage.waitingStream')}</Text>
          </Stack>
        )}
        {state === 'ENDED' && (
          <>
            <Title order={2} size="h3">{t('stage.endedTitle')}</Title>
          </>
        )}
        {state === 'CANCELLED' && (
          <>
            <Title order={2} size="h3">{t('stage.cancelledTitle')}</Title>
            <Text>{t('stage.cancelledBody')}</Text>
          </>
        )}
        {children}
      </Stack>
    </Paper>
  );
}
