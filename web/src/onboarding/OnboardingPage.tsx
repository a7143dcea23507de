import { Accordion, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { RequireAuth } from '../auth/RequireAuth';
import { useSession } from '../auth/useSession';
import { usePageTitle } from '../common/usePageTitle';
import { AcceptInvitation } from './AcceptInvitation';
import { CreateCompany } from './CreateCompany';
import { CreateInstitution } from './CreateInstitution';
import { JoinCompany } from './JoinCompany';
import { SettingUpNotice } from './SettingUpNotice';
import { useBecomeRole } from './useBecomeRole';

export function OnboardingPage() {
  return <RequireAuth roles={['Visitor']}><Onboarding /></RequireAuth>;
}

function Onboarding() {
  const { t } = useTranslation('onboarding');
  const { me } = useSession();
  const become = useBecomeRole();
  usePageTitle(t('title'));
  if (!me) return null;
  return (
    <Stack maw={720} gap="md">
      <Title order={1}>{t('title')}</Title>
      <Text>{t('intro')}</Text>
      <SettingUpNotice phase={become.phase} />
      <Accordion variant="separated" defaultValue="join">
        <Accordion.Item value="join">
          <Accordion.Control><Title order={2} size="h4">{t('join.title')}</Title></Accordion.Control>
          <Accordion.Panel><JoinCompany me={me} become={become} /></Accordion.Panel>
        </Accordion.Item>
        <Accordion.Item value="company">
          <Accordion.Control><Title order={2} size="h4">{t('company.title')}</Title></Accordion.Control>
          <Accordion.Panel><CreateCompany me={me} become={become} /></Accordion.Panel>
        </Accordion.Item>
        <Accordion.Item value="institution">
          <Accordion.Control><Title order={2} size="h4">{t('institution.title')}</Title></Accordion.Control>
          <Accordion.Panel><CreateInstitution me={me} become={become} /></Accordion.Panel>
        </Accordion.Item>
        <Accordion.Item value="invitation">
          <Accordion.Control><Title order={2} size="h4">{t('invitation.title')}</Title></Accordion.Control>
          <Accordion.Panel><AcceptInvitation become={become} /></Accordion.Panel>
        </Accordion.Item>
      </Accordion>
    </Stack>
  );
}
