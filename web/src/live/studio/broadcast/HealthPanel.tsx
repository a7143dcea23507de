import { Badge, Card, Stack, Table, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { StateBadge } from '../StateBadge';
import type { BroadcastStatus } from './useRelayBroadcast';

const colours = { offline: 'gray.7', starting: 'blue.8', good: 'green.9', poor: 'orange.9', stalled: 'red.8' } as const;

/** The stream's health in numbers a lecturer can act on: is it connected, how fast it leaves, what was dropped. */
export function HealthPanel({ status, sessionState, format, transport }:
  { status: BroadcastStatus; sessionState: string; format: string | null; transport: 'relay' | 'ivs' }) {
  const { t } = useTranslation('studio');
  return (
    <Card withBorder>
      <Stack gap="xs">
        <Title order={2} size="h4">{t('health.title')}</Title>
        <Table variant="vertical" withTableBorder={false} verticalSpacing={4}>
          <Table.Tbody>
            <Table.Tr>
              <Table.Th w={150}>{t('health.connection')}</Table.Th>
              <Table.Td>
                <Badge variant="filled" color={colours[status.health]} data-testid="broadcast-health">{t(`health.levels.${status.health}`)}</Badge>
                {' '}{t(`health.phases.${status.phase}`)}
              </Table.Td>
            </Table.Tr>
            <Table.Tr><Table.Th>{t('health.session')}</Table.Th><Table.Td><StateBadge state={sessionState} /></Table.Td></Table.Tr>
            {/* The relay's figures are this page's own; with IVS the SDK keeps its connection's to itself. */}
            {transport === 'relay' && (
              <>
                <Table.Tr><Table.Th>{t('health.bitrate')}</Table.Th><Table.Td data-testid="broadcast-kbps">{t('health.kbps', { value: status.kbps })}</Table.Td></Table.Tr>
                <Table.Tr><Table.Th>{t('health.dropped')}</Table.Th><Table.Td>{status.dropped}</Table.Td></Table.Tr>
                <Table.Tr><Table.Th>{t('health.queued')}</Table.Th><Table.Td>{t('health.kb', { value: Math.round(status.queuedBytes / 1000) })}</Table.Td></Table.Tr>
                <Table.Tr><Table.Th>{t('health.format')}</Table.Th><Table.Td>{format ?? '—'}</Table.Td></Table.Tr>
              </>
            )}
            {transport === 'ivs' && <Table.Tr><Table.Th>{t('health.transport')}</Table.Th><Table.Td>{t('health.ivs')}</Table.Td></Table.Tr>}
          </Table.Tbody>
        </Table>
      </Stack>
    </Card>
  );
}
