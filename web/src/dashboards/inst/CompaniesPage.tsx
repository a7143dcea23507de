import { useTranslation } from 'react-i18next';
import { QueryState } from '../../common/QueryState';
import { CsvButton } from '../CsvButton';
import { DashboardBarChart, seriesColors } from '../DashboardBarChart';
import { ChartAndTable, DashboardSection } from '../DashboardSection';
import { DashboardTable } from '../DashboardTable';
import { figure } from '../figures';
import { useContractedCompanies } from '../instQueries';
import { InstDashboardPage } from './InstDashboardPage';

/** `/inst/dashboards/companies`: each contracted company's provisions, seats, learners and completion. */
export function CompaniesPage() {
  const { t, i18n } = useTranslation('dashboards');
  const query = useContractedCompanies();
  const number = (value: number) => figure(value, i18n.language);
  return (
    <InstDashboardPage title={t('companies.title')} intro={t('companies.intro')}>
      <DashboardSection title={t('companies.caption')}
        actions={<CsvButton path="/institution/v1/dashboard/companies" fallbackName="companies.csv" what={t('companies.what')} />}>
        <QueryState query={query}>
          {(table) => (
            <ChartAndTable
              empty={table.items.length === 0 ? t('companies.empty') : null}
              chart={<DashboardBarChart data={table.items} dataKey="companyName" xAxisLabel={t('companies.axis')}
                series={[
                  { name: 'seats', label: t('companies.seats'), color: seriesColors[2] },
                  { name: 'learners', label: t('companies.learners'), color: seriesColors[0] },
                  { name: 'completed', label: t('companies.completed'), color: seriesColors[1] },
                ]} />}
              table={<DashboardTable caption={t('companies.caption')} rows={table.items} rowKey={(row) => row.companyId} minWidth={480}
                columns={[
                  { header: t('companies.company'), cell: (row) => row.companyName },
                  { header: t('companies.provisions'), cell: (row) => number(row.provisions), numeric: true },
                  { header: t('companies.seats'), cell: (row) => number(row.seats), numeric: true },
                  { header: t('companies.learners'), cell: (row) => number(row.learners), numeric: true },
                  { header: t('companies.completed'), cell: (row) => number(row.completed), numeric: true },
                  { header: t('companies.completionRate'), cell: (row) => number(row.completionRate), numeric: true },
                ]} />}
            />
          )}
        </QueryState>
      </DashboardSection>
    </InstDashboardPage>
  );
}
