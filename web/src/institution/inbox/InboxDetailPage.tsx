import { Anchor, Button, Code, Group, List, Stack, Table, Text, Title } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useSession } from '../../auth/useSession';
import { QueryState } from '../../common/QueryState';
import { koreaDate } from '../../common/time';
import { usePageTitle } from '../../common/usePageTitle';
import { ProvisionHistory } from '../../company/provisions/ProvisionHistory';
import { ProvisionStateBadge } from '../../company/provisions/ProvisionStateBadge';
import { DecisionPanel } from './DecisionPanel';
import { useInboxProvision, useManagers, type InboxProvision } from './queries';

export function InboxDetailPage() {
  const { provisionId = '' } = useParams();
  const query = useInboxProvision(provisionId);
  return <QueryState query={query}>{(provision) => <InboxDetail provision={provision} />}</QueryState>;
}

function InboxDetail({ provision }: { provision: InboxProvision }) {
  const { t, i18n } = useTranslation('instInbox');
  usePageTitle(provision.courseTitle);
  const { me } = useSession();
  const managers = useManagers();
  const names = useMemo(() => new Map((managers.data ?? []).map((m) => [m.userId, m.name ?? m.email ?? ''])), [managers.data]);
  const held = provision.roster.length + provision.consumedSeats.length;
  const [showIds, setShowIds] = useState(false);

  return (
    <Stack maw={1000} gap="lg">
      <Anchor component={Link} to="/inst/inbox" size="sm">{t('detail.back')}</Anchor>
      <Group gap="sm" align="center">
        <Title order={1}>{provision.courseTitle}</Title>
        <ProvisionStateBadge state={provision.state} />
      </Group>
      <Table variant="vertical" withTableBorder={false} maw={640}>
        <Table.Tbody>
          <Table.Tr><Table.Th w={160}>{t('detail.company')}</Table.Th><Table.Td>{provision.companyName}</Table.Td></Table.Tr>
          <Table.Tr><Table.Th>{t('detail.period')}</Table.Th><Table.Td>
            {t('common:time.period', { begin: koreaDate(provision.beginDate, i18n.language), end: koreaDate(provision.endDate, i18n.language) })}
          </Table.Td></Table.Tr>
          <Table.Tr><Table.Th>{t('detail.seats')}</Table.Th><Table.Td>{t('detail.seatsValue', { count: provision.seats })}</Table.Td></Table.Tr>
          <Table.Tr><Table.Th>{t('detail.deposit')}</Table.Th><Table.Td>{provision.deposit || t('detail.noDeposit')}</Table.Td></Table.Tr>
          <Table.Tr><Table.Th>{t('detail.roster')}</Table.Th><Table.Td>
            <Stack gap={2}>
              <Text size="sm">{t('detail.rosterCount', { count: provision.roster.length, seats: provision.seats })}</Text>
              {provision.consumedSeats.length > 0 && <Text size="sm">{t('detail.consumed', { count: provision.consumedSeats.length })}</Text>}
            </Stack>
          </Table.Td></Table.Tr>
          {provision.pendingAdditions.length > 0 && (
            <Table.Tr><Table.Th>{t('detail.pending')}</Table.Th><Table.Td>
              {t('detail.pendingCount', { count: provision.pendingAdditions.length, seats: provision.seats, held: held + provision.pendingAdditions.length })}
            </Table.Td></Table.Tr>
          )}
        </Table.Tbody>
      </Table>
      {provision.roster.length + provision.pendingAdditions.length > 0 && (
        // The institution's copy names learners by id only; the ids let the company and support speak of the same person.
        <Stack gap={4} align="flex-start">
          <Button variant="subtle" size="compact-sm" aria-expanded={showIds} onClick={() => setShowIds((v) => !v)}>
            {showIds ? t('detail.hideIds') : t('detail.showIds')}
          </Button>
          {showIds && (
            <List size="sm" spacing={2} aria-label={t('detail.idsHint')}>
              {[...provision.roster, ...provision.pendingAdditions].map((id) => <List.Item key={id}><Code>{id}</Code></List.Item>)}
            </List>
          )}
        </Stack>
      )}
      <DecisionPanel provision={provision} />
      <ProvisionHistory history={provision.history} names={names} meId={me?.userId} />
    </Stack>
  );
}
