import { Alert, Button, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/clients';
import { call } from '../../api/call';
import { rules } from '../../auth/validation';
import { ImeSafeForm } from '../../common/ImeSafeForm';
import { problemText } from '../../common/problemText';
import { koreaDate } from '../../common/time';

/** Emails an invitation code (POST /company/v1/invitations); says to whom and until when, or why not. */
export function InviteForm() {
  const { t, i18n } = useTranslation('corpProfile');
  const [email, setEmail] = useState('');
  const [tried, setTried] = useState(false);
  const invite = useMutation({
    mutationFn: (address: string) => call(api.company.POST('/company/v1/invitations', { body: { email: address } })),
    onSuccess: () => {
      setEmail('');
      setTried(false);
    },
  });
  const address = email.trim();
  const error = !tried ? undefined : !address ? t('invite.required') : !rules.email(address) ? t('invite.invalid') : undefined;
  const submit = () => {
    setTried(true);
    if (address && rules.email(address)) invite.mutate(address);
  };
  return (
    <ImeSafeForm aria-label={t('invite.title')} onSubmit={submit}>
      <Stack gap="sm">
        <Title order={2} size="h3">{t('invite.title')}</Title>
        <Text size="sm">{t('invite.intro')}</Text>
        <Group align="flex-start" gap="sm" wrap="wrap">
          <TextInput label={t('invite.email')} type="email" autoComplete="off" w={{ base: '100%', sm: 320 }} value={email}
            onChange={(event) => setEmail(event.currentTarget.value)} error={error} required />
          <Button type="submit" mt={{ base: 0, sm: 25 }} loading={invite.isPending}>{t('invite.send')}</Button>
        </Group>
        <div role="status">
          {invite.data && (
            <Alert color="green">{t('invite.sent', { email: invite.data.email, date: koreaDate(invite.data.expiresAt, i18n.language) })}</Alert>
          )}
        </div>
        {invite.error ? <Alert color="red" role="alert">{problemText(t, invite.error)}</Alert> : null}
        <Text size="xs" c="dimmed">{t('invite.noList')}</Text>
      </Stack>
    </ImeSafeForm>
  );
}
