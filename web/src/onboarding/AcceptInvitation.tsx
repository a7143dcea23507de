import { Alert, Button, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/clients';
import { call } from '../api/call';
import { ImeSafeForm } from '../common/ImeSafeForm';
import { problemText } from '../common/problemText';
import { useBecomeRole } from './useBecomeRole';

export function AcceptInvitation({ become }: { become: ReturnType<typeof useBecomeRole> }) {
  const { t } = useTranslation('onboarding');
  const [code, setCode] = useState('');
  return (
    <ImeSafeForm aria-label={t('invitation.title')} onSubmit={() => {
      if (!code.trim()) return;
      void become.run('InstitutionManager', () => call(api.institution.POST('/institution/v1/institutions/manager-invitations/accept', { body: { code: code.trim() } })));
    }}>
      <Stack gap="sm">
        <Text size="sm">{t('invitation.intro')}</Text>
        <TextInput label={t('invitation.code')} value={code} onChange={(e) => setCode(e.currentTarget.value)} autoComplete="off" required />
        {become.error ? <Alert color="red" role="alert">{problemText(t, become.error)}</Alert> : null}
        <Button type="submit" w="fit-content" disabled={!code.trim()} loading={become.busy}>{t('invitation.submit')}</Button>
      </Stack>
    </ImeSafeForm>
  );
}
