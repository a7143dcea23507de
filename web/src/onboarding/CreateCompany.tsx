import { Alert, Button, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/clients';
import { call } from '../api/call';
import type { components } from '../api/generated/company';
import type { Me } from '../auth/useSession';
import { ImeSafeForm } from '../common/ImeSafeForm';
import { fieldErrors, problemText } from '../common/problemText';
import { useBecomeRole } from './useBecomeRole';

type CompanyRequest = components['schemas']['CompanyRequest'];

export function CreateCompany({ me, become }: { me: Me; become: ReturnType<typeof useBecomeRole> }) {
  const { t } = useTranslation('onboarding');
  const domain = me.email.split('@')[1] ?? '';
  const [form, setForm] = useState<CompanyRequest>({ name: '', ownerName: '', businessNumber: '', emailDomain: domain, phone: '', address: '' });
  const [checked, setChecked] = useState(false);
  const server = fieldErrors(t, become.error);
  const field = (name: keyof CompanyRequest, required = true) => ({
    value: form[name] ?? '',
    required,
    onChange: (e: React.ChangeEvent<HTMLInputElement>) => setForm({ ...form, [name]: e.currentTarget.value }),
    error: (checked && required && !String(form[name] ?? '').trim() ? t('auth:fields.required') : undefined) ?? server[name],
  });
  const businessNumberOk = /^\d{10}$/.test(form.businessNumber.replace(/-/g, ''));

  const submit = () => {
    setChecked(true);
    if (!form.name.trim() || !form.ownerName.trim() || !businessNumberOk || !form.phone.trim() || !form.emailDomain.trim()) return;
    void become.run('CompanySupervisor', () => call(api.company.POST('/company/v1/companies', {
      body: { ...form, businessNumber: form.businessNumber.replace(/-/g, ''), address: form.address?.trim() || null },
    })));
  };

  return (
    <ImeSafeForm onSubmit={submit} aria-label={t('company.title')}>
      <Stack gap="sm">
        <Text size="sm">{t('company.intro')}</Text>
        <TextInput label={t('company.name')} {...field('name')} />
        <TextInput label={t('company.ownerName')} {...field('ownerName')} />
        <TextInput label={t('company.businessNumber')} description={t('company.businessNumberHint')} inputMode="numeric" {...field('businessNumber')}
          error={checked && !businessNumberOk ? t('company.businessNumberHint') : server.businessNumber} />
        <TextInput label={t('company.emailDomain')} description={t('company.emailDomainHint', { email: me.email })} {...field('emailDomain')} />
        <TextInput label={t('company.phone')} type="tel" autoComplete="tel" {...field('phone')} />
        <TextInput label={t('company.address')} autoComplete="street-address" {...field('address', false)} />
        {become.error && Object.keys(server).length === 0 ? <Alert color="red" role="alert">{problemText(t, become.error)}</Alert> : null}
        <Button type="submit" w="fit-content" loading={become.busy}>{t('company.submit')}</Button>
      </Stack>
    </ImeSafeForm>
  );
}
