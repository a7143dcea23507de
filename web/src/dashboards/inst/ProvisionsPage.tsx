import { Anchor } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { QueryState } from '../../common/QueryState';
import { koreaDate } from '../../common/time';
import { CsvButton } from '../CsvButton';
import { DashboardBarChart, seriesColors } from '../DashboardBarChart';
import { ChartAndTable, DashboardSection } from '../DashboardSection';
import { DashboardTable } from '../DashboardTable';
import { figure } from '../figures';
import { useRunningProvisions } from '../instQueries';
import { stateLabel } from '../stateLabel';
import { InstDashboardPage } from './InstDashboardPage';

/** `/inst/dashboards/provisions`: registered and running provisions, each linking to its training records. */
export function ProvisionsPage() {
  const { t, i18n } = useTranslation('dashboards');
  const query = useRunningProvisions();
  const number = (value: number) => figure(value, i18n.language);
  return (
    <InstDashboardPage title={t('provisions.title')} intro={t('provisions.intro')}>
      <DashboardSection title={t('provisions.caption')}
        actions={<CsvButton path="/institution/v1/dashboard/course-provides" fallbackName="course-provides.csv" what={t('provisions.what')} />}>
        <QueryState query={query}>
          {(table) => {
            const rows = table.items.map((row) => ({ ...row, label: `${row.courseTitle} · ${row.companyName}` }));
            return (
              <ChartAndTable wide
                empty={rows.length === 0 ? t('provisions.empty') : null}
                chart={<DashboardBarChart horizontal data={rows} dataKey="label" xAxisLabel={t('provisions.learners')}
                  height={Math.max(220, 56 * rows.length + 80)}
                  series={[
                    { name: 'learners', label: t('provisions.learners'), color: seriesColors[0] },
                    { name: 'completed', label: t('provisions.completed'), color: seriesColors[1] },
                  ]} />}
                table={<DashboardTable caption={t('provisions.caption')} rows={rows} rowKey={(row) => row.provisionId} minWidth={760}
                  columns={[
                    { header: t('provisions.course'), cell: (row) => row.courseTitle },
                    { header: t('provisions.company'), cell: (row) => row.companyName },
                    { header: t('provisions.period'), cell: (row) => t('common:time.period', { begin: koreaDate(row.beginDate, i18n.language), end: koreaDate(row.endDate, i18n.language) }) },
                    { header: t('provisions.state'), cell: (row) => stateLabel(t, row.state) },
                    { header: t('provisions.seats'), cell: (row) => number(row.seats), numeric: true },
                    { header: t('provisions.learners'), cell: (row) => number(row.learners), numeric: true },
                    { header: t('provisions.completed'), cell: (row) => number(row.completed), numeric: true },
                    { header: t('provisions.averageProgress'), cell: (row) => number(row.averageProgressPercent), numeric: true },
                    { header: t('provisions.records'), cell: (row) => (
                      <Anchor component={Link} to={`/inst/dashboards/training-records?provisionId=${row.provisionId}`}
                        aria-label={t('provisions.recordsOf', { course: row.courseTitle, company: row.companyName })}>
                        {t('provisions.records')}
                      </Anchor>
                    ) },
                  ]} />}
              />
            );
          }}
        </QueryState>
      </DashboardSection>
    </InstDashboardPage>
  );
}
