import { Alert, Button, Stack, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/clients';
import { call } from '../api/call';
import type { components } from '../api/generated/identity';
import { ImeSafeForm } from '../common/ImeSafeForm';
import { QueryState } from '../common/QueryState';
import { fieldErrors, problemText } from '../common/problemText';

type Profile = components['schemas']['ProfileResponse'];

export function DetailsForm() {
  const query = useQuery({ queryKey: ['identity', 'profile'], queryFn: () => call(api.identity.GET('/identity/v1/users/me')) });
  return <QueryState query={query}>{(profile) => <Details profile={profile} />}</QueryState>;
}

function Details({ profile }: { profile: Profile }) {
  const { t } = useTranslation('profile');
  const queryClient = useQueryClient();
  const [form, setForm] = useState({ name: profile.name, phone: profile.phone ?? '', birthDate: profile.birthDate ?? '' });
  const [saved, setSaved] = useState(false);
  useEffect(() => setSaved(false), [form]);
  const save = useMutation({
    mutationFn: () => call(api.identity.PUT('/identity/v1/users/me', {
      body: { name: form.name.trim(), phone: form.phone.trim() || null, birthDate: form.birthDate.trim() || null, gender: profile.gender },
    })),
    onSuccess: () => {
      setSaved(true);
      void queryClient.invalidateQueries({ queryKey: ['identity'] });
    },
  });
  const server = fieldErrors(t, save.error);

  return (
    <ImeSafeForm aria-label={t('details.title')} onSubmit={() => form.name.trim() && save.mutate()}>
      <Stack gap="sm">
        <Title order={2} size="h3">{t('details.title')}</Title>
        <TextInput label={t('details.name')} required autoComplete="name" value={form.name}
          onChange={(e) => setForm({ ...form, name: e.currentTarget.value })}
          error={!form.name.trim() ? t('auth:fields.required') : server.name} />
        <TextInput label={t('details.phone')} type="tel" autoComplete="tel" value={form.phone}
          onChange={(e) => setForm({ ...form, phone: e.currentTarget.value })} error={server.phone} />
        <TextInput label={t('details.birthDate')} autoComplete="bday" placeholder="1990-01-31" value={form.birthDate}
          onChange={(e) => setForm({ ...form, birthDate: e.currentTarget.value })} error={server.birthDate} />
        {save.error && Object.keys(server).length === 0 ? <Alert color="red" role="alert">{problemText(t, save.error)}</Alert> : null}
        {saved && <Alert color="green" role="status">{t('details.saved')}</Alert>}
        <Button type="submit" w="fit-content" loading={save.isPending}>{t('common:save')}</Button>
      </Stack>
    </ImeSafeForm>
  );
}
