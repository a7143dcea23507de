import { Alert, Button, PasswordInput, Stack, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/clients';
import { call } from '../api/call';
import { rules } from '../auth/validation';
import { ImeSafeForm } from '../common/ImeSafeForm';
import { fieldErrors, problemText } from '../common/problemText';

export function PasswordForm() {
  const { t } = useTranslation('profile');
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [checked, setChecked] = useState(false);
  const change = useMutation({
    mutationFn: () => call(api.identity.POST('/identity/v1/password/change', { body: { currentPassword: current, newPassword: next } })),
    onSuccess: () => { setCurrent(''); setNext(''); setChecked(false); },
  });
  const server = fieldErrors(t, change.error);
  const submit = () => {
    setChecked(true);
    if (current && rules.password(next)) change.mutate();
  };

  return (
    <ImeSafeForm aria-label={t('password.title')} onSubmit={submit}>
      <Stack gap="sm">
        <Title order={2} size="h3">{t('password.title')}</Title>
        <PasswordInput label={t('password.current')} autoComplete="current-password" required value={current}
          onChange={(e) => setCurrent(e.currentTarget.value)}
          error={(checked && !current ? t('auth:fields.required') : undefined) ?? server.currentPassword} />
        <PasswordInput label={t('password.next')} description={t('auth:signUp.passwordHint')} autoComplete="new-password" required value={next}
          onChange={(e) => setNext(e.currentTarget.value)}
          error={(checked && !rules.password(next) ? t('auth:fields.password') : undefined) ?? server.newPassword} />
        {change.error && Object.keys(server).length === 0 ? <Alert color="red" role="alert">{problemText(t, change.error)}</Alert> : null}
        {change.isSuccess && <Alert color="green" role="status">{t('password.done')}</Alert>}
        <Button type="submit" w="fit-content" loading={change.isPending}>{t('password.submit')}</Button>
      </Stack>
    </ImeSafeForm>
  );
}
