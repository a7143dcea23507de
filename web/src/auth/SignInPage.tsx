import { Alert, Anchor, Button, Divider, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { api } from '../api/clients';
import { call } from '../api/call';
import { ImeSafeForm } from '../common/ImeSafeForm';
import { AuthCard } from './AuthCard';
import { safeReturnTo } from './RequireAuth';
import { useFormProblem } from './useFormProblem';
import { homeOf, meKey, type Me } from './useSession';

const notices = { 'session-ended': 'signIn.sessionEnded', 'password-changed': 'signIn.passwordChanged', confirmed: 'signIn.confirmed' } as const;

export function SignInPage() {
  const { t } = useTranslation('auth');
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [login, setLogin] = useState(params.get('login') ?? '');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [missing, setMissing] = useState(false);
  const problem = useFormProblem();
  const notice = notices[params.get('notice') as keyof typeof notices];

  const submit = async () => {
    setMissing(!login.trim() || !password);
    if (!login.trim() || !password) return;
    setBusy(true);
    problem.setError(null);
    try {
      await call(api.identity.POST('/identity/v1/signin', { body: { login: login.trim(), password } }));
      const me = await call(api.identity.GET('/identity/v1/me'));
      queryClient.setQueryData<Me | null>(meKey, me);
      const returnTo = params.get('returnTo');
      navigate(returnTo ? safeReturnTo(returnTo) : homeOf(me), { replace: true });
    } catch (error) {
      problem.setError(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <AuthCard title={t('signIn.title')}>
      {notice && <Alert color="blue" role="status">{t(notice)}</Alert>}
      <ImeSafeForm onSubmit={() => void submit()} aria-label={t('signIn.title')}>
        <Stack gap="sm">
          <TextInput label={t('signIn.login')} autoComplete="username" value={login} required
            onChange={(e) => setLogin(e.currentTarget.value)} error={missing && !login.trim() ? t('fields.required') : problem.field('login')} />
          <PasswordInput label={t('signIn.password')} autoComplete="current-password" value={password} required
            onChange={(e) => setPassword(e.currentTarget.value)} error={missing && !password ? t('fields.required') : problem.field('password')} />
          {problem.message && <Alert color="red" role="alert">{problem.message}</Alert>}
          <Button type="submit" loading={busy}>{t('signIn.submit')}</Button>
        </Stack>
      </ImeSafeForm>
      <GoogleSignIn />
      <Stack gap={4}>
        <Anchor component={Link} to="/password/forgot" size="sm">{t('signIn.forgot')}</Anchor>
        <Text size="sm">{t('signIn.noAccount')} <Anchor component={Link} to="/signup">{t('signIn.signUp')}</Anchor></Text>
      </Stack>
    </AuthCard>
  );
}

/** Shown only when identity has the provider configured (it answers which ones it has). */
function GoogleSignIn() {
  const { t } = useTranslation('auth');
  const [enabled, setEnabled] = useState<boolean | null>(null);
  if (enabled === null) {
    void fetch('/identity/v1/external/providers', { credentials: 'same-origin' })
      .then((response) => (response.ok ? response.json() : { providers: [] }))
      .then((body: { providers?: string[] }) => setEnabled(!!body.providers?.includes('google')))
      .catch(() => setEnabled(false));
    return null;
  }
  if (!enabled) return null;
  return (
    <>
      <Divider label={t('signIn.or')} labelPosition="center" />
      <Button component="a" href="/identity/v1/external/google?mode=signin" variant="default">{t('signIn.google')}</Button>
    </>
  );
}
