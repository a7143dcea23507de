import { Alert, Button, Stack, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ReasonDialog } from './ReasonDialog';

type Props = {
  name: string;
  state: string;
  kind: 'institution' | 'company';
  /** Takes the action; the page updates itself from the answer. */
  act: (action: 'suspend' | 'reinstate', reason: string) => Promise<void>;
};

/** Suspend or reinstate an organisation, after its reason. */
export function OrgActions({ name, state, kind, act }: Props) {
  const { t } = useTranslation('admin');
  const [asking, setAsking] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const action = state === 'SUSPENDED' ? 'reinstate' : 'suspend';
  return (
    <Stack gap="sm">
      <Title order={2} size="h3">{t('orgs.actions')}</Title>
      <div role="status">{done && <Alert color="green">{done}</Alert>}</div>
      <Button w="fit-content" variant={action === 'suspend' ? 'light' : 'filled'} color={action === 'suspend' ? 'red.9' : undefined}
        onClick={() => { setDone(null); setAsking(true); }}>
        {t(`orgs.${action}`)}
      </Button>
      <ReasonDialog opened={asking} onClose={() => setAsking(false)}
        title={t(`orgs.${action}Title`, { name })}
        explain={t(`orgs.${kind}${action === 'suspend' ? 'Suspend' : 'Reinstate'}Explain`)}
        confirmLabel={t(`orgs.${action}`)} danger={action === 'suspend'}
        onConfirm={async (reason) => {
          await act(action, reason);
          setDone(t(action === 'suspend' ? 'orgs.suspended' : 'orgs.reinstated', { name }));
          setAsking(false);
        }} />
    </Stack>
  );
}
