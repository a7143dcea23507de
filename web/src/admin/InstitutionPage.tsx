import { Anchor, Card, Group, SimpleGrid, Stack, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { QueryState } from '../common/QueryState';
import { koreaDateTime } from '../common/time';
import { usePageTitle } from '../common/usePageTitle';
import { actOnInstitution, adminKeys, useAdminInstitution, type AdminInstitutionDetail } from './adminApi';
import { Fact } from './Fact';
import { OrgActions } from './OrgActions';
import { OrgPeople } from './OrgPeople';
import { StateBadge } from './StateBadge';
import { TargetHistory } from './TargetHistory';

/** `/admin/institutions/:id`: the institution, its managers, suspend or reinstate, and its audit entries. */
export function InstitutionPage() {
  const { t } = useTranslation('admin');
  const { id = '' } = useParams();
  const query = useAdminInstitution(id);
  usePageTitle(query.data?.name ?? t('orgs.institutionsTitle'));
  return (
    <Stack gap="md">
      <Anchor component={Link} to="/admin/institutions" size="sm" w="fit-content">{t('orgs.backInstitutions')}</Anchor>
      <QueryState query={query}>{(institution) => <Institution institution={institution} />}</QueryState>
    </Stack>
  );
}

function Institution({ institution }: { institution: AdminInstitutionDetail }) {
  const { t, i18n } = useTranslation('admin');
  const queryClient = useQueryClient();
  const act = async (action: 'suspend' | 'reinstate', reason: string) => {
    const changed = await actOnInstitution(institution.id, action, reason);
    queryClient.setQueryData(adminKeys.institution(institution.id), changed);
    void queryClient.invalidateQueries({ queryKey: ['admin', 'institutions'] });
    void queryClient.invalidateQueries({ queryKey: ['admin', 'actions'] });
  };
  return (
    <Stack gap="lg">
      <Group gap="sm" align="center">
        <Title order={1}>{institution.name}</Title>
        <StateBadge state={institution.state} />
      </Group>
      <Card withBorder>
        <Stack gap="sm">
          <Title order={2} size="h3">{t('orgs.details')}</Title>
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="sm">
            <Fact label={t('orgs.ownerName')}>{institution.ownerName}</Fact>
            <Fact label={t('orgs.businessNumber')}>{institution.businessNumber}</Fact>
            <Fact label={t('orgs.certifiedNumber')}>{institution.certifiedNumber}</Fact>
            <Fact label={t('orgs.email')}>{institution.email}</Fact>
            <Fact label={t('orgs.phone')}>{institution.phone}</Fact>
            <Fact label={t('orgs.address')}>{institution.address ?? t('orgs.none')}</Fact>
            <Fact label={t('orgs.website')}>{institution.website ?? t('orgs.none')}</Fact>
            <Fact label={t('orgs.publishedCourseCount')}>{institution.publishedCourseCount}</Fact>
            <Fact label={t('orgs.createdAt')}>{koreaDateTime(institution.createdAt, i18n.language)}</Fact>
            {institution.suspendedAt && <Fact label={t('orgs.suspendedAt')}>{koreaDateTime(institution.suspendedAt, i18n.language)}</Fact>}
          </SimpleGrid>
        </Stack>
      </Card>
      <OrgActions name={institution.name} state={institution.state} kind="institution" act={act} />
      <OrgPeople title={t('orgs.managers')}
        people={institution.managers.map((manager) => ({ userId: manager.userId, name: manager.name, email: manager.email, since: manager.addedAt }))} />
      <TargetHistory targetType="institution" targetId={institution.id} title={t('orgs.history')} />
    </Stack>
  );
}
