import { Pagination, Select, Stack, Tabs, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { QueryState } from '../../common/QueryState';
import { usePageTitle } from '../../common/usePageTitle';
import { PROVISION_STATES } from '../../company/provisions/queries';
import { InboxTable } from './InboxTable';
import { INBOX_PAGE_SIZE, useAmendments, useInboxList } from './queries';

const TABS = ['requests', 'rosters', 'amendments', 'all'] as const;
type Tab = (typeof TABS)[number];
const STATE_OF: Record<'requests' | 'rosters', string> = { requests: 'REQUESTED', rosters: 'ROSTER_SUBMITTED' };

/** What waits for the institution's decision, by kind, and every provision by state. */
export function InboxPage() {
  const { t } = useTranslation('instInbox');
  usePageTitle(t('title'));
  const [params, setParams] = useSearchParams();
  const tab: Tab = TABS.find((x) => x === params.get('tab')) ?? 'requests';
  const go = (next: Record<string, string | null>) => {
    const search = new URLSearchParams(params);
    for (const [key, value] of Object.entries(next)) {
      if (value) search.set(key, value);
      else search.delete(key);
    }
    setParams(search, { replace: true });
  };
  return (
    <Stack gap="md">
      <Stack gap={4}>
        <Title order={1}>{t('title')}</Title>
        <Text c="dimmed" size="sm">{t('intro')}</Text>
      </Stack>
      <Tabs value={tab} onChange={(value) => go({ tab: value, page: null, state: null })} keepMounted={false}>
        <Tabs.List aria-label={t('tabs.label')}>
          {TABS.map((x) => <Tabs.Tab key={x} value={x}>{t(`tabs.${x}`)}</Tabs.Tab>)}
        </Tabs.List>
        <Tabs.Panel value="requests" pt="md"><StateList tab="requests" state={STATE_OF.requests} /></Tabs.Panel>
        <Tabs.Panel value="rosters" pt="md"><StateList tab="rosters" state={STATE_OF.rosters} /></Tabs.Panel>
        <Tabs.Panel value="amendments" pt="md"><Amendments /></Tabs.Panel>
        <Tabs.Panel value="all" pt="md">
          <Stack gap="sm">
            <Select label={t('state')} w={{ base: '100%', sm: 260 }} allowDeselect={false}
              data={[{ value: '', label: t('allStates') }, ...PROVISION_STATES.map((s) => ({ value: s, label: t(`corpProvisions:states.${s}`) }))]}
              value={PROVISION_STATES.find((s) => s === params.get('state')) ?? ''} onChange={(value) => go({ state: value || null, page: null })} />
            <StateList tab="all" state={PROVISION_STATES.find((s) => s === params.get('state')) ?? null} />
          </Stack>
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}

function StateList({ tab, state }: { tab: Tab; state: string | null }) {
  const { t } = useTranslation('instInbox');
  const [params, setParams] = useSearchParams();
  const page = Math.max(1, Number(params.get('page')) || 1);
  const query = useInboxList(state, page);
  return (
    <QueryState query={query}>
      {(list) => list.items.length === 0 ? <Text>{t(`empty.${tab}`)}</Text> : (
        <Stack gap="sm">
          <InboxTable rows={list.items} caption={t(`caption.${tab}`)} />
          {list.total > INBOX_PAGE_SIZE && (
            <nav aria-label={t('pages')}>
              <Pagination total={Math.ceil(list.total / INBOX_PAGE_SIZE)} value={page}
                onChange={(next) => { const search = new URLSearchParams(params); search.set('page', String(next)); setParams(search); }}
                getControlProps={(control) => control === 'previous' ? { 'aria-label': t('common:previous') }
                  : control === 'next' ? { 'aria-label': t('common:next') } : {}} />
            </nav>
          )}
        </Stack>
      )}
    </QueryState>
  );
}

function Amendments() {
  const { t } = useTranslation('instInbox');
  const query = useAmendments();
  return (
    <QueryState query={query}>
      {({ scanned, waiting }) => (
        <Stack gap="sm">
          {waiting.length === 0 ? <Text>{t('empty.amendments')}</Text> : (
            <InboxTable withWaiting caption={t('caption.amendments')}
              rows={waiting.map((p) => ({ ...p, waiting: p.pendingAdditions.length }))} />
          )}
          <Text size="sm" c="dimmed">{t('amendmentsScanned', { count: scanned })}</Text>
        </Stack>
      )}
    </QueryState>
  );
}
