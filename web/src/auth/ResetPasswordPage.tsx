import { Alert, Button, PasswordInput, Stack, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { api } from '../api/clients';
import { call } from '../api/call';
import { ImeSafeForm } from '../common/ImeSafeForm';
import { AuthCard } from './AuthCard';
import { useFormProblem } from './useFormProblem';
import { rules } from './validation';

export function ResetPasswordPage() {
  const { t } = useTranslation('auth');
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const [form, setForm] = useState({ email: params.get('email') ?? '', code: '', newPassword: '' });
  const [checked, setChecked] = useState(false);
  const [busy, setBusy] = useState(false);
  const problem = useFormProblem();
  const local = {
    email: !rules.email(form.email) ? t('fields.email') : undefined,
    code: !rules.code(form.code) ? t('fields.code') : undefined,
    newPassword: !rules.password(form.newPassword) ? t('fields.password') : undefined,
  };
  const error = (field: keyof typeof local) => (checked ? local[field] : undefined) ?? problem.field(field);

  const submit = async () => {
    setChecked(true);
    if (Object.values(local).some(Boolean)) return;
    setBusy(true);
    problem.setError(null);
    try {
      await call(api.identity.POST('/identity/v1/password/reset', { body: { email: form.email.trim(), code: form.code.trim(), newPassword: form.newPassword } }));
      navigate(`/signin?notice=password-changed&login=${encodeURIComponent(form.email.trim())}`, { replace: true });
    } catch (e) {
      problem.setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <AuthCard title={t('reset.title')}>
      {params.get('sent') && <Alert color="blue" role="status">{t('forgot.sent')}</Alert>}
      <ImeSafeForm onSubmit={() => void submit()} aria-label={t('reset.title')}>
        <Stack gap="sm">
          <TextInput label={t('reset.email')} type="email" autoComplete="email" required value={form.email}
            onChange={(e) => setForm({ ...form, email: e.currentTarget.value })} error={error('email')} />
          <TextInput label={t('reset.code')} inputMode="numeric" autoComplete="one-time-code" maxLength={6} required value={form.code}
            onChange={(e) => setForm({ ...form, code: e.currentTarget.value.replace(/\D/g, '') })} error={error('code')} />
          <PasswordInput label={t('reset.newPassword')} autoComplete="new-password" required value={form.newPassword}
            onChange={(e) => setForm({ ...form, newPassword: e.currentTarget.value })} error={error('newPassword')} />
          {problem.message && <Alert color="red" role="alert">{problem.message}</Alert>}
          <Button type="submit" loading={busy}>{t('reset.submit')}</Button>
        </Stack>
      </ImeSafeForm>
    </AuthCard>
  );
}
