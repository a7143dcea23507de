import { Alert, Button, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api } from '../api/clients';
import { call } from '../api/call';
import { ImeSafeForm } from '../common/ImeSafeForm';
import { AuthCard } from './AuthCard';
import { useFormProblem } from './useFormProblem';

export function ForgotPasswordPage() {
  const { t } = useTranslation('auth');
  const navigate = useNavigate();
  const [login, setLogin] = useState('');
  const [checked, setChecked] = useState(false);
  const [busy, setBusy] = useState(false);
  const problem = useFormProblem();

  const submit = async () => {
    setChecked(true);
    if (!login.trim()) return;
    setBusy(true);
    problem.setError(null);
    try {
      await call(api.identity.POST('/identity/v1/password/forgot', { body: { login: login.trim() } }));
      const email = login.includes('@') ? login.trim() : '';
      navigate(`/password/reset?sent=1&email=${encodeURIComponent(email)}`);
    } catch (e) {
      problem.setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <AuthCard title={t('forgot.title')}>
      <Text size="sm">{t('forgot.intro')}</Text>
      <ImeSafeForm onSubmit={() => void submit()} aria-label={t('forgot.title')}>
        <Stack gap="sm">
          <TextInput label={t('forgot.login')} autoComplete="username" required value={login} onChange={(e) => setLogin(e.currentTarget.value)}
            error={checked && !login.trim() ? t('fields.required') : problem.field('login')} />
          {problem.message && <Alert color="red" role="alert">{problem.message}</Alert>}
          <Button type="submit" loading={busy}>{t('forgot.submit')}</Button>
        </Stack>
      </ImeSafeForm>
    </AuthCard>
  );
}
