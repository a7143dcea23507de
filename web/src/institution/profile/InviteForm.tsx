import { Alert, Button, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ImeSafeForm } from '../../common/ImeSafeForm';
import { fieldErrors, problemText } from '../../common/problemText';
import { isEmailLike } from './institutionForm';
import { inviteManager, profileKeys } from './profileApi';

/** Emails a single-use manager invitation; the invitations list below shows it as pending. */
export function InviteForm() {
  const { t } = useTranslation('instProfile');
  const [email, setEmail] = useState('');
  const [tried, setTried] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [sent, setSent] = useState<string | null>(null);
  const queryClient = useQueryClient();
  const server = fieldErrors(t, error).email;
  const local = tried && !isEmailLike(email) ? t('invite.emailInvalid') : undefined;

  const submit = async () => {
    setTried(true);
    setError(null);
    setSent(null);
    if (!isEmailLike(email)) return;
    setBusy(true);
    try {
      await inviteManager(email.trim());
      setSent(email.trim());
      void queryClient.invalidateQueries({ queryKey: profileKeys.invitations });
      setEmail('');
      setTried(false);
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Stack component="section" gap="sm" aria-labelledby="inst-invite-title">
      <Title order={2} id="inst-invite-title">{t('invite.title')}</Title>
      <Text size="sm">{t('invite.intro')}</Text>
      <ImeSafeForm aria-labelledby="inst-invite-title" onSubmit={() => void submit()}>
        <Group align="flex-start" gap="sm">
          <TextInput label={t('invite.email')} type="email" autoComplete="off" required w={340} maxLength={256} value={email}
            error={local ?? server} onChange={(event) => setEmail(event.currentTarget.value)} />
          <Button type="submit" mt={24} loading={busy}>{t('invite.submit')}</Button>
        </Group>
      </ImeSafeForm>
      <div role="status">{sent && <Alert color="green">{t('invite.sent', { email: sent })}</Alert>}</div>
      {error !== null && !server && <Alert color="red" role="alert">{problemText(t, error)}</Alert>}
    </Stack>
  );
}
