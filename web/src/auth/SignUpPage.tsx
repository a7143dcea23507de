import { Alert, Anchor, Button, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { api } from '../api/clients';
import { call } from '../api/call';
import { ImeSafeForm } from '../common/ImeSafeForm';
import { AuthCard } from './AuthCard';
import { useFormProblem } from './useFormProblem';
import { rules } from './validation';

export function SignUpPage() {
  const { t } = useTranslation('auth');
  const navigate = useNavigate();
  const [form, setForm] = useState({ email: '', username: '', name: '', password: '' });
  const [checked, setChecked] = useState(false);
  const [busy, setBusy] = useState(false);
  const problem = useFormProblem();
  const set = (field: keyof typeof form) => (e: React.ChangeEvent<HTMLInputElement>) => setForm({ ...form, [field]: e.currentTarget.value });

  const local = {
    email: !form.email.trim() ? t('fields.required') : !rules.email(form.email) ? t('fields.email') : undefined,
    username: !rules.username(form.username) ? t('signUp.usernameHint') : undefined,
    name: !form.name.trim() ? t('fields.required') : undefined,
    password: !rules.password(form.password) ? t('fields.password') : undefined,
  };
  const error = (field: keyof typeof local) => (checked ? local[field] : undefined) ?? problem.field(field);

  const submit = async () => {
    setChecked(true);
    if (Object.values(local).some(Boolean)) return;
    setBusy(true);
    problem.setError(null);
    try {
      const email = form.email.trim();
      await call(api.identity.POST('/identity/v1/signup', { body: { ...form, email, name: form.name.trim() } }));
      navigate(`/confirm?email=${encodeURIComponent(email)}`);
    } catch (e) {
      problem.setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <AuthCard title={t('signUp.title')}>
      <ImeSafeForm onSubmit={() => void submit()} aria-label={t('signUp.title')}>
        <Stack gap="sm">
          <TextInput label={t('signUp.email')} type="email" autoComplete="email" required value={form.email} onChange={set('email')} error={error('email')} />
          <TextInput label={t('signUp.username')} description={t('signUp.usernameHint')} autoComplete="username" required value={form.username} onChange={set('username')} error={error('username')} />
          <TextInput label={t('signUp.name')} autoComplete="name" required value={form.name} onChange={set('name')} error={error('name')} />
          <PasswordInput label={t('signUp.password')} description={t('signUp.passwordHint')} autoComplete="new-password" required value={form.password} onChange={set('password')} error={error('password')} />
          {problem.message && <Alert color="red" role="alert">{problem.message}</Alert>}
          <Button type="submit" loading={busy}>{t('signUp.submit')}</Button>
        </Stack>
      </ImeSafeForm>
      <Text size="sm">{t('signUp.haveAccount')} <Anchor component={Link} to="/signin">{t('signIn.title')}</Anchor></Text>
    </AuthCard>
  );
}
