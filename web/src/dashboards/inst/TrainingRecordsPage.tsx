import { Select, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { QueryState } from '../../common/QueryState';
import { koreaDate } from '../../common/time';
import { CsvButton } from '../CsvButton';
import { useProvisionChoices, useTrainingRecords } from '../instQueries';
import { DashboardSection } from '../DashboardSection';
import { TrainingRecordsView } from '../TrainingRecordsView';
import { InstDashboardPage } from './InstDashboardPage';

/** `/inst/dashboards/training-records?provisionId=`: the training-records report of one provision, for filing. */
export function TrainingRecordsPage() {
  const { t, i18n } = useTranslation('dashboards');
  const [params, setParams] = useSearchParams();
  const provisionId = params.get('provisionId');
  const provisions = useProvisionChoices();
  const query = useTrainingRecords(provisionId);
  const chosen = provisions.data?.find((p) => p.id === provisionId);
  return (
    <InstDashboardPage title={t('records.title')} intro={t('records.intro')}>
      <QueryState query={provisions}>
        {(list) => list.length === 0 ? <Text>{t('records.noProvisions')}</Text> : (
          <DashboardSection
            title={chosen ? t('records.caption', { course: chosen.courseTitle }) : t('records.title')}
            actions={<>
              <Select label={t('records.provision')} placeholder={t('records.provisionPlaceholder')} w={{ base: '100%', sm: 420 }} searchable
                data={list.map((p) => ({
                  value: p.id,
                  label: t('records.provisionLabel', { course: p.courseTitle, company: p.companyName, begin: koreaDate(p.beginDate, i18n.language), end: koreaDate(p.endDate, i18n.language) }),
                }))}
                value={provisionId} onChange={(next) => setParams(next ? { provisionId: next } : {}, { replace: true })} nothingFoundMessage={t('common.none')} />
              {provisionId && (
                <CsvButton path={`/institution/v1/dashboard/training-records?courseProvideId=${provisionId}`} fallbackName="training-records.csv" what={t('records.what')} />
              )}
            </>}
          >
            {!provisionId ? <Text>{t('records.pick')}</Text> : (
              <QueryState query={query}>
                {(report) => <TrainingRecordsView rows={report.items} caption={t('records.caption', { course: chosen?.courseTitle ?? '' })} />}
              </QueryState>
            )}
          </DashboardSection>
        )}
      </QueryState>
    </InstDashboardPage>
  );
}
