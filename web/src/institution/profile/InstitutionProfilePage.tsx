import { Divider, Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { QueryState } from '../../common/QueryState';
import { usePageTitle } from '../../common/usePageTitle';
import { InvitationsSection } from './InvitationsSection';
import { InviteForm } from './InviteForm';
import { ManagersSection } from './ManagersSection';
import { useMyInstitution } from './profileApi';
import { ProfileForm } from './ProfileForm';

/** `/inst/profile`: the institution's profile, its managers and inviting more. */
export function InstitutionProfilePage() {
  const { t } = useTranslation('instProfile');
  const institution = useMyInstitution();
  usePageTitle(t('title'));
  return (
    <Stack gap="lg" maw={1000}>
      <Title order={1}>{t('title')}</Title>
      <QueryState query={institution}>{(found) => <ProfileForm institution={found} />}</QueryState>
      <Divider />
      <ManagersSection />
      <Divider />
      <InviteForm />
      <InvitationsSection />
    </Stack>
  );
}
