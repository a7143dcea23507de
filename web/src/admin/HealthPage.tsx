import { Badge, Button, Group, List, ScrollArea, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { QueryState } from '../common/QueryState';
import { koreaDateTime } from '../common/time';
import { usePageTitle } from '../common/usePageTitle';
import { useHealth } from './adminApi';
import { readHealth, type HealthState } from './health';

const colors: Record<HealthState, string> = { Healthy: 'teal.9', Degraded: 'yellow.4', Unhealthy: 'red.9', Unreachable: 'red.9', unknown: 'gray.7' };

function HealthBadge({ state }: { state: HealthState }) {
  const { t } = useTranslation('admin');
  return <Badge variant="filled" color={colors[state]} autoContrast>{t(`health.states.${state}`)}</Badge>;
}

/** `/admin` and `/admin/health`: the gateway's view of every service, asked again every 30 seconds. */
export function HealthPage() {
  const { t, i18n } = useTranslation('admin');
  usePageTitle(t('health.title'));
  const query = useHealth();
  return (
    <Stack gap="md">
      <Title order={1}>{t('health.title')}</Title>
      <Text c="dimmed" size="sm">{t('health.intro')}</Text>
      <QueryState query={query}>
        {({ body, at }) => {
          const health = readHealth(body);
          return (
            <Stack gap="md">
              <Group gap="sm" align="center">
                <Text fw={600}>{t('health.overall')}</Text>
                <HealthBadge state={health.state} />
                <Text size="sm" c="dimmed">{t('health.checkedAt', { time: koreaDateTime(at, i18n.language) })}</Text>
                <Button size="xs" variant="light" loading={query.isFetching} onClick={() => void query.refetch()}>{t('health.refresh')}</Button>
              </Group>
              <ScrollArea type="auto" viewportProps={{ tabIndex: 0, role: 'region', 'aria-label': t('health.caption') }}>
                <Table striped miw={760} captionSide="top">
                  <Table.Caption>{t('health.caption')}</Table.Caption>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope="col">{t('health.service')}</Table.Th>
                      <Table.Th scope="col">{t('health.state')}</Table.Th>
                      <Table.Th scope="col">{t('health.time')}</Table.Th>
                      <Table.Th scope="col">{t('health.httpStatus')}</Table.Th>
                      <Table.Th scope="col">{t('health.checks')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {health.services.map((service) => (
                      <Table.Tr key={service.name}>
                        <Table.Th scope="row" fw={500}>{t(`health.services.${service.name}`, { defaultValue: service.name })}</Table.Th>
                        <Table.Td><HealthBadge state={service.state} /></Table.Td>
                        <Table.Td>{service.elapsedMs === null ? t('health.states.unknown') : t('health.ms', { ms: Math.round(service.elapsedMs) })}</Table.Td>
                        <Table.Td>{service.httpStatus ?? t('health.states.unknown')}</Table.Td>
                        <Table.Td>
                          {service.error && <Text size="sm">{t('health.unreachableError', { error: service.error })}</Text>}
                          {service.checks.length === 0 ? (!service.error && <Text size="sm">{t('health.noChecks')}</Text>) : (
                            <List size="sm" spacing={2}>
                              {service.checks.map((check) => (
                                <List.Item key={check.name}>
                                  {t(`health.checkNames.${check.name}`, { defaultValue: check.name })}: {t(`health.states.${check.state}`)}
                                  {check.description && ` — ${check.description}`}
                                </List.Item>
                              ))}
                            </List>
                          )}
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </ScrollArea>
            </Stack>
          );
        }}
      </QueryState>
    </Stack>
  );
}
