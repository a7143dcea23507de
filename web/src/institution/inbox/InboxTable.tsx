import { Anchor, ScrollArea, Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { koreaDate } from '../../common/time';
import { ProvisionStateBadge } from '../../company/provisions/ProvisionStateBadge';

type Row = { id: string; courseTitle: string; companyName: string; state: string; beginDate: string; endDate: string; seats: number; waiting?: number };

/** Provisions as the manager scans them: course, company, state, period, seats (and additions waiting, where asked). */
export function InboxTable({ rows, caption, withWaiting = false }: { rows: Row[]; caption: string; withWaiting?: boolean }) {
  const { t, i18n } = useTranslation('instInbox');
  return (
    <ScrollArea type="auto">
      <Table striped highlightOnHover miw={720}>
        <Table.Caption>{caption}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('course')}</Table.Th>
            <Table.Th scope="col">{t('company')}</Table.Th>
            <Table.Th scope="col">{t('state')}</Table.Th>
            <Table.Th scope="col">{t('period')}</Table.Th>
            <Table.Th scope="col">{t('seats')}</Table.Th>
            {withWaiting && <Table.Th scope="col">{t('waiting')}</Table.Th>}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={row.id}>
              <Table.Td><Anchor component={Link} to={`/inst/inbox/${row.id}`}>{row.courseTitle}</Anchor></Table.Td>
              <Table.Td>{row.companyName}</Table.Td>
              <Table.Td><ProvisionStateBadge state={row.state} /></Table.Td>
              <Table.Td>{t('common:time.period', { begin: koreaDate(row.beginDate, i18n.language), end: koreaDate(row.endDate, i18n.language) })}</Table.Td>
              <Table.Td>{t('seatsValue', { count: row.seats })}</Table.Td>
              {withWaiting && <Table.Td>{t('waitingValue', { count: row.waiting ?? 0 })}</Table.Td>}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollArea>
  );
}
