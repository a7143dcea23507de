import { Alert, Button, Card, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/clients';
import { call } from '../../api/call';
import { useSession } from '../../auth/useSession';
import { ImeSafeForm } from '../../common/ImeSafeForm';
import { fieldErrors, problemText } from '../../common/problemText';
import { QueryState } from '../../common/QueryState';
import { koreaDate } from '../../common/time';
import { usePageTitle } from '../../common/usePageTitle';
import { normaliseDomain, provesDomain } from './domainProof';
import { corpProfileKeys, useMyCompany, type CompanyProfile } from './queries';

/** `/corp/profile`: the company's details and its email domain, with what proves the domain. */
export function CompanyProfilePage() {
  const { t } = useTranslation('corpProfile');
  usePageTitle(t('profile.title'));
  const query = useMyCompany();
  return (
    <Stack maw={760} gap="lg">
      <Stack gap={4}>
        <Title order={1}>{t('profile.title')}</Title>
        <Text c="dimmed" size="sm">{t('profile.intro')}</Text>
      </Stack>
      <QueryState query={query}>{(company) => <ProfileForm company={company} />}</QueryState>
    </Stack>
  );
}

type Fields = { name: string; ownerName: string; businessNumber: string; emailDomain: string; phone: string; address: string };
const required: (keyof Fields)[] = ['name', 'ownerName', 'businessNumber', 'emailDomain', 'phone'];

function ProfileForm({ company }: { company: CompanyProfile }) {
  const { t, i18n } = useTranslation('corpProfile');
  const { me } = useSession();
  const queryClient = useQueryClient();
  const [form, setForm] = useState<Fields>({
    name: company.name, ownerName: company.ownerName, businessNumber: company.businessNumber,
    emailDomain: company.emailDomain, phone: company.phone, address: company.address ?? '',
  });
  const [tried, setTried] = useState(false);
  const [saved, setSaved] = useState(false);
  useEffect(() => setSaved(false), [form]);
  const save = useMutation({
    mutationFn: () => call(api.company.PUT('/company/v1/companies/mine', {
      body: {
        name: form.name.trim(), ownerName: form.ownerName.trim(), businessNumber: form.businessNumber.trim(),
        emailDomain: normaliseDomain(form.emailDomain), phone: form.phone.trim(), address: form.address.trim() || null,
      },
    })),
    onSuccess: (updated) => {
      queryClient.setQueryData(corpProfileKeys.company, (old: CompanyProfile | undefined) => ({ ...old, ...updated }));
      setSaved(true);
    },
  });
  const server = fieldErrors(t, save.error);
  const missing = (field: keyof Fields) => tried && !form[field].trim() ? t('profile.required') : undefined;
  const submit = () => {
    setTried(true);
    if (required.every((field) => form[field].trim())) save.mutate();
  };
  const domain = normaliseDomain(form.emailDomain);
  const proven = provesDomain(me?.email, domain);
  const input = (field: keyof Fields, extra: Partial<React.ComponentProps<typeof TextInput>> = {}) => (
    <TextInput label={t(`profile.${field}`)} value={form[field]} required={required.includes(field)}
      onChange={(event) => setForm({ ...form, [field]: event.currentTarget.value })}
      error={missing(field) ?? server[field]} {...extra} />
  );
  return (
    <ImeSafeForm aria-label={t('profile.details')} onSubmit={submit}>
      <Stack gap="lg">
        <Card withBorder>
          <Stack gap="sm">
            <Title order={2} size="h3">{t('profile.details')}</Title>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              {input('name', { autoComplete: 'organization' })}
              {input('ownerName')}
              {input('businessNumber', { description: t('profile.businessNumberHint'), inputMode: 'numeric' })}
              {input('phone', { type: 'tel', autoComplete: 'tel' })}
            </SimpleGrid>
            {input('address', { autoComplete: 'street-address' })}
            <Text size="xs" c="dimmed">{t('profile.registered', { date: koreaDate(company.createdAt, i18n.language) })}</Text>
          </Stack>
        </Card>
        <Card withBorder>
          <Stack gap="sm">
            <Title order={2} size="h3">{t('domain.title')}</Title>
            <Text size="sm">{t('domain.rule')}</Text>
            {input('emailDomain', { description: t('profile.emailDomainHint'), autoCapitalize: 'none', spellCheck: false })}
            {domain && (
              <Alert color={proven ? 'green' : 'yellow'} role="status">
                {t(proven ? 'domain.proven' : 'domain.notProven', { email: me?.email ?? '', domain })}
              </Alert>
            )}
            <Text size="sm" c="dimmed">{t('domain.joinByDomain')}</Text>
          </Stack>
        </Card>
        {save.error && Object.keys(server).length === 0 ? <Alert color="red" role="alert">{problemText(t, save.error)}</Alert> : null}
        {saved && <Alert color="green" role="status">{t('profile.saved')}</Alert>}
        <Button type="submit" w="fit-content" loading={save.isPending}>{t('common:save')}</Button>
      </Stack>
    </ImeSafeForm>
  );
}
