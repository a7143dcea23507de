import { Alert, Button, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/clients';
import { call } from '../api/call';
import type { components } from '../api/generated/institution';
import type { Me } from '../auth/useSession';
import { ImeSafeForm } from '../common/ImeSafeForm';
import { fieldErrors, problemText } from '../common/problemText';
import { useBecomeRole } from './useBecomeRole';

type InstitutionRequest = components['schemas']['InstitutionRequest'];
const required: (keyof InstitutionRequest)[] = ['name', 'ownerName', 'businessNumber', 'certifiedNumber', 'email', 'phone'];

export function CreateInstitution({ me, become }: { me: Me; become: ReturnType<typeof useBecomeRole> }) {
  const { t } = useTranslation('onboarding');
  const [form, setForm] = useState<InstitutionRequest>({
    name: '', ownerName: '', businessNumber: '', certifiedNumber: '', email: me.email, phone: '', address: '', website: '', description: '',
  });
  const [checked, setChecked] = useState(false);
  const server = fieldErrors(t, become.error);
  const props = (name: keyof InstitutionRequest) => ({
    value: form[name] ?? '',
    required: required.includes(name),
    onChange: (e: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => setForm({ ...form, [name]: e.currentTarget.value }),
    error: (checked && required.includes(name) && !String(form[name] ?? '').trim() ? t('auth:fields.required') : undefined) ?? server[name],
  });

  const submit = () => {
    setChecked(true);
    if (required.some((name) => !String(form[name] ?? '').trim())) return;
    const optional = (value: string | null | undefined) => value?.trim() || null;
    void become.run('InstitutionManager', () => call(api.institution.POST('/institution/v1/institutions', {
      body: { ...form, address: optional(form.address), website: optional(form.website), description: optional(form.description) },
    })));
  };

  return (
    <ImeSafeForm onSubmit={submit} aria-label={t('institution.title')}>
      <Stack gap="sm">
        <Text size="sm">{t('institution.intro')}</Text>
        <TextInput label={t('institution.name')} {...props('name')} />
        <TextInput label={t('institution.ownerName')} {...props('ownerName')} />
        <TextInput label={t('institution.businessNumber')} inputMode="numeric" {...props('businessNumber')} />
        <TextInput label={t('institution.certifiedNumber')} {...props('certifiedNumber')} />
        <TextInput label={t('institution.email')} type="email" {...props('email')} />
        <TextInput label={t('institution.phone')} type="tel" {...props('phone')} />
        <TextInput label={t('institution.address')} {...props('address')} />
        <TextInput label={t('institution.website')} type="url" {...props('website')} />
        <Textarea label={t('institution.description')} autosize minRows={2} {...props('description')} />
        {become.error && Object.keys(server).length === 0 ? <Alert color="red" role="alert">{problemText(t, become.error)}</Alert> : null}
        <Button type="submit" w="fit-content" loading={become.busy}>{t('institution.submit')}</Button>
      </Stack>
    </ImeSafeForm>
  );
}
