import { ScrollArea, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { koreaDateTime } from '../common/time';
import type { AdminAction } from './adminApi';

/** Audit entries, newest first as the service gives them; each action in words, the time in Korea time. */
export function AuditTable({ entries, caption }: { entries: AdminAction[]; caption: string }) {
  const { t, i18n } = useTranslation('admin');
  if (entries.length === 0) return <Text>{t('audit.empty')}</Text>;
  return (
    <ScrollArea type="auto" viewportProps={{ tabIndex: 0, role: 'region', 'aria-label': caption }}>
      <Table striped miw={900} captionSide="top">
        <Table.Caption>{caption}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('audit.occurredAt')}</Table.Th>
            <Table.Th scope="col">{t('audit.action')}</Table.Th>
            <Table.Th scope="col">{t('audit.target')}</Table.Th>
            <Table.Th scope="col">{t('audit.reason')}</Table.Th>
            <Table.Th scope="col">{t('audit.admin')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {entries.map((entry) => (
            <Table.Tr key={entry.id}>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{koreaDateTime(entry.occurredAt, i18n.language)}</Table.Td>
              <Table.Td>{t(`audit.actions.${entry.action}`, { defaultValue: t('audit.actions.unknown', { action: entry.action }) })}</Table.Td>
              <Table.Td>
                <Text size="sm" span>{entry.targetName}</Text>{' '}
                <Text size="xs" c="dimmed" span>({t(`audit.targetTypes.${entry.targetType}`, { defaultValue: entry.targetType })})</Text>
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'pre-wrap', maxWidth: 360 }}>{entry.reason}</Table.Td>
              <Table.Td>{entry.adminName ?? entry.adminEmail ?? t('audit.adminUnknown')}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollArea>
  );
}

