import { Anchor, Card, Group, SimpleGrid, Stack, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { QueryState } from '../common/QueryState';
import { koreaDateTime } from '../common/time';
import { usePageTitle } from '../common/usePageTitle';
import { actOnCompany, adminKeys, useAdminCompany, type AdminCompanyDetail } from './adminApi';
import { Fact } from './Fact';
import { OrgActions } from './OrgActions';
import { OrgPeople } from './OrgPeople';
import { StateBadge } from './StateBadge';
import { TargetHistory } from './TargetHistory';

/** `/admin/companies/:id`: the company, its supervisors, suspend or reinstate, and its audit entries. */
export function CompanyPage() {
  const { t } = useTranslation('admin');
  const { id = '' } = useParams();
  const query = useAdminCompany(id);
  usePageTitle(query.data?.name ?? t('orgs.companiesTitle'));
  return (
    <Stack gap="md">
      <Anchor component={Link} to="/admin/companies" size="sm" w="fit-content">{t('orgs.backCompanies')}</Anchor>
      <QueryState query={query}>{(company) => <Company company={company} />}</QueryState>
    </Stack>
  );
}

function Company({ company }: { company: AdminCompanyDetail }) {
  const { t, i18n } = useTranslation('admin');
  const queryClient = useQueryClient();
  const act = async (action: 'suspend' | 'reinstate', reason: string) => {
    const changed = await actOnCompany(company.id, action, reason);
    queryClient.setQueryData(adminKeys.company(company.id), changed);
    void queryClient.invalidateQueries({ queryKey: ['admin', 'companies'] });
    void queryClient.invalidateQueries({ queryKey: ['admin', 'actions'] });
  };
  return (
    <Stack gap="lg">
      <Group gap="sm" align="center">
        <Title order={1}>{company.name}</Title>
        <StateBadge state={company.state} />
      </Group>
      <Card withBorder>
        <Stack gap="sm">
          <Title order={2} size="h3">{t('orgs.details')}</Title>
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="sm">
            <Fact label={t('orgs.ownerName')}>{company.ownerName}</Fact>
            <Fact label={t('orgs.businessNumber')}>{company.businessNumber}</Fact>
            <Fact label={t('orgs.emailDomain')}>{company.emailDomain}</Fact>
            <Fact label={t('orgs.phone')}>{company.phone}</Fact>
            <Fact label={t('orgs.address')}>{company.address ?? t('orgs.none')}</Fact>
            <Fact label={t('orgs.memberCount')}>{company.memberCount}</Fact>
            <Fact label={t('orgs.createdAt')}>{koreaDateTime(company.createdAt, i18n.language)}</Fact>
            {company.suspendedAt && <Fact label={t('orgs.suspendedAt')}>{koreaDateTime(company.suspendedAt, i18n.language)}</Fact>}
          </SimpleGrid>
        </Stack>
      </Card>
      <OrgActions name={company.name} state={company.state} kind="company" act={act} />
      <OrgPeople title={t('orgs.supervisors')}
        people={company.supervisors.map((person) => ({ userId: person.userId, name: person.name, email: person.email, since: person.joinedAt }))} />
      <TargetHistory targetType="company" targetId={company.id} title={t('orgs.history')} />
    </Stack>
  );
}
