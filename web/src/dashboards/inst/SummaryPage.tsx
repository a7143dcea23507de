import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { QueryState } from '../../common/QueryState';
import { CsvButton } from '../CsvButton';
import { DashboardBarChart, seriesColors } from '../DashboardBarChart';
import { ChartAndTable, DashboardSection } from '../DashboardSection';
import { DashboardTable } from '../DashboardTable';
import { figure } from '../figures';
import { useSummary } from '../instQueries';
import { InstDashboardPage } from './InstDashboardPage';

/** `/inst`: the console's home, the institution's figures at a glance. */
export function SummaryPage() {
  const { t, i18n } = useTranslation('dashboards');
  const query = useSummary();
  return (
    <InstDashboardPage title={t('summary.title')} intro={t('summary.intro')}>
      <DashboardSection
        title={t('summary.heading')}
        actions={<CsvButton path="/institution/v1/dashboard/summary" fallbackName="dashboard-summary.csv" what={t('summary.what')} />}
      >
      <QueryState query={query}>
        {(summary) => {
          const none = t('common.none');
          const rows = [
            { metric: t('summary.courses'), value: figure(summary.courses, i18n.language) },
            { metric: t('summary.activeProvisions'), value: figure(summary.activeProvisions, i18n.language) },
            { metric: t('summary.enrollments'), value: figure(summary.enrollments, i18n.language) },
            { metric: t('summary.learning'), value: figure(summary.learning, i18n.language) },
            { metric: t('summary.completed'), value: figure(summary.completed, i18n.language) },
            { metric: t('summary.completionRate'), value: t('common.percent', { value: figure(summary.completionRate, i18n.language) }) },
            { metric: t('summary.averageRating'), value: figure(summary.averageRating, i18n.language) ?? none },
            { metric: t('summary.ratings'), value: figure(summary.ratings, i18n.language) },
          ];
          const learners = [
            { state: t('summary.learning'), count: summary.learning },
            { state: t('summary.completed'), count: summary.completed },
          ];
          return (
            <ChartAndTable
              chart={summary.learning + summary.completed === 0
                ? <Text>{t('summary.empty')}</Text>
                : <DashboardBarChart data={learners} dataKey="state" xAxisLabel={t('summary.chart')}
                    series={[{ name: 'count', label: t('monthly.learners'), color: seriesColors[0] }]} />}
              table={<DashboardTable caption={t('summary.caption')} rows={rows} rowKey={(row) => row.metric}
                columns={[{ header: t('summary.metric'), cell: (row) => row.metric }, { header: t('summary.value'), cell: (row) => row.value, numeric: true }]} />}
            />
          );
        }}
      </QueryState>
      </DashboardSection>
    </InstDashboardPage>
  );
}
