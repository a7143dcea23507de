import { Alert, Autocomplete, Button, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/clients';
import { call } from '../api/call';
import type { Me } from '../auth/useSession';
import { ImeSafeForm } from '../common/ImeSafeForm';
import { problemText } from '../common/problemText';
import { useBecomeRole } from './useBecomeRole';

export function JoinCompany({ me, become }: { me: Me; become: ReturnType<typeof useBecomeRole> }) {
  const { t } = useTranslation('onboarding');
  const match = useQuery({
    queryKey: ['company', 'email-check', me.email],
    queryFn: () => call(api.company.GET('/company/v1/companies/email-check', { params: { query: { email: me.email } } })),
  });
  const joinByDomain = (companyId: string) => become.run('Employee', () =>
    call(api.company.POST('/company/v1/companies/{id}/join', { params: { path: { id: companyId } }, body: { workEmail: me.email } })));

  return (
    <Stack gap="lg">
      <Stack gap="xs">
        <Title order={3}>{t('join.byDomain')}</Title>
        {match.data?.matches && match.data.companyId ? (
          <>
            <Text size="sm">{t('join.domainMatch', { email: me.email, company: match.data.companyName })}</Text>
            <Button w="fit-content" loading={become.busy} onClick={() => void joinByDomain(match.data!.companyId!)}>
              {t('join.joinButton', { company: match.data.companyName })}
            </Button>
          </>
        ) : match.data ? (
          <Text size="sm" c="dimmed">{t('join.domainNoMatch', { email: me.email })}</Text>
        ) : null}
      </Stack>
      <JoinByCode become={become} />
      {become.error ? <Alert color="red" role="alert">{problemText(t, become.error)}</Alert> : null}
    </Stack>
  );
}

function JoinByCode({ become }: { become: ReturnType<typeof useBecomeRole> }) {
  const { t } = useTranslation('onboarding');
  const [name, setName] = useState('');
  const [code, setCode] = useState('');
  const [query] = useDebouncedValue(name.trim(), 300);
  const companies = useQuery({
    queryKey: ['company', 'search', query],
    queryFn: () => call(api.company.GET('/company/v1/companies', { params: { query: { q: query, size: 10 } } })),
    enabled: query.length >= 2,
  });
  const chosen = companies.data?.items.find((company) => company.name === name);

  return (
    <ImeSafeForm aria-label={t('join.byCode')} onSubmit={() => {
      if (!chosen || !code.trim()) return;
      void become.run('Employee', () => call(api.company.POST('/company/v1/companies/{id}/join', {
        params: { path: { id: chosen.id } }, body: { invitationCode: code.trim() },
      })));
    }}>
      <Stack gap="xs">
        <Title order={3}>{t('join.byCode')}</Title>
        <Autocomplete label={t('join.search')} description={t('join.searchHint')} value={name} onChange={setName}
          data={(companies.data?.items ?? []).map((company) => company.name)} />
        {query.length >= 2 && companies.data?.items.length === 0 && <Text size="sm" c="dimmed">{t('join.noResults')}</Text>}
        <TextInput label={t('join.code')} value={code} onChange={(e) => setCode(e.currentTarget.value)} autoComplete="off" />
        <Button type="submit" w="fit-content" disabled={!chosen || !code.trim()} loading={become.busy}>{t('join.submit')}</Button>
      </Stack>
    </ImeSafeForm>
  );
}
