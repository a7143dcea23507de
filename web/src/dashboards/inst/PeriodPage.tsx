import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { QueryState } from '../../common/QueryState';
import { CsvButton } from '../CsvButton';
import { DashboardBarChart, seriesColors } from '../DashboardBarChart';
import { ChartAndTable, DashboardSection } from '../DashboardSection';
import { DashboardTable } from '../DashboardTable';
import { figure, nothingToShow } from '../figures';
import { useMonthly, useQuarterly } from '../instQueries';
import { koreaYearMonth, yearFromParam } from '../koreaCalendar';
import { YearSelect } from '../Pickers';
import { InstDashboardPage } from './InstDashboardPage';

type Kind = 'monthly' | 'quarterly';
type PeriodRow = { period: string; companies: number; learners: number; activeCourses: number };

/** `/inst/dashboards/monthly`: each month of a year. */
export function MonthlyPage() {
  const { t } = useTranslation('dashboards');
  return (
    <PeriodPage kind="monthly" useRows={(year) => {
      const query = useMonthly(year);
      return { ...query, data: query.data?.items.map((row) => ({ ...row, period: t('common.monthLabel', { month: Number(row.month.slice(5)) }) })) };
    }} />
  );
}

/** `/inst/dashboards/quarterly`: each quarter of a year. */
export function QuarterlyPage() {
  const { t } = useTranslation('dashboards');
  return (
    <PeriodPage kind="quarterly" useRows={(year) => {
      const query = useQuarterly(year);
      return { ...query, data: query.data?.items.map((row) => ({ ...row, period: t('common.quarterLabel', { quarter: row.quarter }) })) };
    }} />
  );
}

type RowsQuery = { data: PeriodRow[] | undefined; error: unknown; isPending: boolean; refetch: () => unknown };

/** A year's figures by period; the year is in the address (`?year=`), this Korean year by default. */
function PeriodPage({ kind, useRows }: { kind: Kind; useRows: (year: number) => RowsQuery }) {
  const { t, i18n } = useTranslation('dashboards');
  const [params, setParams] = useSearchParams();
  const current = koreaYearMonth().year;
  const year = yearFromParam(params.get('year'), current);
  const query = useRows(year);
  const number = (value: number) => figure(value, i18n.language);
  const series = [
    { name: 'learners', label: t('monthly.learners'), color: seriesColors[0] },
    { name: 'companies', label: t('monthly.companies'), color: seriesColors[1] },
    { name: 'activeCourses', label: t('monthly.activeCourses'), color: seriesColors[2] },
  ];
  return (
    <InstDashboardPage title={t(`${kind}.title`)} intro={t(`${kind}.intro`)}>
      <DashboardSection
        title={t(`${kind}.caption`, { year })}
        actions={<>
          <YearSelect value={year} current={current} onChange={(next) => setParams({ year: String(next) }, { replace: true })} />
          <CsvButton path={`/institution/v1/dashboard/${kind}?year=${year}`} fallbackName={`${kind}-${year}.csv`} what={t(`${kind}.what`)} />
        </>}
      >
        <QueryState query={query}>
          {(rows) => (
            <ChartAndTable
              empty={nothingToShow(rows, ['learners', 'companies', 'activeCourses']) ? t(`${kind}.empty`, { year }) : null}
              chart={<DashboardBarChart data={rows} dataKey="period" series={series} xAxisLabel={t(`${kind}.axis`)} />}
              table={<DashboardTable caption={t(`${kind}.caption`, { year })} rows={rows} rowKey={(row) => row.period}
                columns={[
                  { header: t(kind === 'monthly' ? 'monthly.month' : 'quarterly.quarter'), cell: (row) => row.period },
                  { header: t('monthly.companies'), cell: (row) => number(row.companies), numeric: true },
                  { header: t('monthly.learners'), cell: (row) => number(row.learners), numeric: true },
                  { header: t('monthly.activeCourses'), cell: (row) => number(row.activeCourses), numeric: true },
                ]} />}
            />
          )}
        </QueryState>
      </DashboardSection>
    </InstDashboardPage>
  );
}
