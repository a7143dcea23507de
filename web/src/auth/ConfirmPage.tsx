import { Alert, Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { api } from '../api/clients';
import { call } from '../api/call';
import { ImeSafeForm } from '../common/ImeSafeForm';
import { problemText } from '../common/problemText';
import { AuthCard } from './AuthCard';
import { useFormProblem } from './useFormProblem';
import { rules } from './validation';

export function ConfirmPage() {
  const { t } = useTranslation('auth');
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const [email, setEmail] = useState(params.get('email') ?? '');
  const [code, setCode] = useState('');
  const [checked, setChecked] = useState(false);
  const [busy, setBusy] = useState(false);
  const [resent, setResent] = useState<string | null>(null);
  const problem = useFormProblem();
  const codeError = checked && !rules.code(code) ? t('fields.code') : problem.field('code');
  const emailError = checked && !rules.email(email) ? t('fields.email') : problem.field('email');

  const submit = async () => {
    setChecked(true);
    if (!rules.code(code) || !rules.email(email)) return;
    setBusy(true);
    problem.setError(null);
    try {
      await call(api.identity.POST('/identity/v1/confirm', { body: { email: email.trim(), code: code.trim() } }));
      navigate(`/signin?notice=confirmed&login=${encodeURIComponent(email.trim())}`, { replace: true });
    } catch (e) {
      problem.setError(e);
    } finally {
      setBusy(false);
    }
  };

  const resend = async () => {
    if (!rules.email(email)) { setChecked(true); return; }
    try {
      await call(api.identity.POST('/identity/v1/confirm/resend', { body: { email: email.trim() } }));
      setResent(t('confirm.resent'));
    } catch (e) {
      setResent(problemText(t, e));
    }
  };

  return (
    <AuthCard title={t('confirm.title')}>
      {email && <Text size="sm">{t('confirm.intro', { email })}</Text>}
      <ImeSafeForm onSubmit={() => void submit()} aria-label={t('confirm.title')}>
        <Stack gap="sm">
          <TextInput label={t('confirm.email')} type="email" autoComplete="email" required value={email} onChange={(e) => setEmail(e.currentTarget.value)} error={emailError} />
          <TextInput label={t('confirm.code')} inputMode="numeric" autoComplete="one-time-code" maxLength={6} required value={code}
            onChange={(e) => setCode(e.currentTarget.value.replace(/\D/g, ''))} error={codeError} />
          {problem.message && <Alert color="red" role="alert">{problem.message}</Alert>}
          {resent && <Alert color="blue" role="status">{resent}</Alert>}
          <Group justify="space-between">
            <Button variant="subtle" onClick={() => void resend()}>{t('confirm.resend')}</Button>
            <Button type="submit" loading={busy}>{t('confirm.submit')}</Button>
          </Group>
        </Stack>
      </ImeSafeForm>
    </AuthCard>
  );
}
