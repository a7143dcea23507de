import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { QueryState } from '../../common/QueryState';
import { CsvButton } from '../CsvButton';
import { DashboardBarChart, seriesColors } from '../DashboardBarChart';
import { ChartAndTable, DashboardSection } from '../DashboardSection';
import { DashboardTable } from '../DashboardTable';
import { figure } from '../figures';
import { usePopular } from '../instQueries';
import { koreaYearMonth, monthParam, parseMonth } from '../koreaCalendar';
import { MonthSelect } from '../Pickers';
import { InstDashboardPage } from './InstDashboardPage';

/** `/inst/dashboards/popular-courses?month=YYYY-MM`: the ten courses most learners began in a month (this Korean month by default). */
export function PopularCoursesPage() {
  const { t, i18n } = useTranslation('dashboards');
  const [params, setParams] = useSearchParams();
  const current = koreaYearMonth();
  const month = monthParam(parseMonth(params.get('month')) ?? current);
  const query = usePopular(month);
  const number = (value: number | null) => figure(value, i18n.language);
  return (
    <InstDashboardPage title={t('popular.title')} intro={t('popular.intro')}>
      <DashboardSection
        title={t('popular.caption', { month })}
        actions={<>
          <MonthSelect value={month} current={current} onChange={(next) => setParams({ month: next }, { replace: true })} />
          <CsvButton path={`/institution/v1/dashboard/popular-courses?month=${month}`} fallbackName={`popular-courses-${month}.csv`} what={t('popular.what')} />
        </>}
      >
        <QueryState query={query}>
          {(table) => (
            <ChartAndTable empty={table.items.length === 0 ? t('popular.empty', { month }) : null} chart={
              <DashboardBarChart horizontal data={table.items} dataKey="courseTitle" xAxisLabel={t('popular.enrollments')}
                height={Math.max(220, 48 * table.items.length + 80)}
                series={[
                  { name: 'enrollments', label: t('popular.enrollments'), color: seriesColors[0] },
                  { name: 'completed', label: t('popular.completed'), color: seriesColors[1] },
                ]} />
            } table={
              <DashboardTable caption={t('popular.caption', { month })} rows={table.items} rowKey={(row) => row.courseId}
                columns={[
                  { header: t('popular.rank'), cell: (row) => row.rank },
                  { header: t('popular.course'), cell: (row) => row.courseTitle },
                  { header: t('popular.enrollments'), cell: (row) => number(row.enrollments), numeric: true },
                  { header: t('popular.completed'), cell: (row) => number(row.completed), numeric: true },
                  { header: t('popular.averageRating'), cell: (row) => number(row.averageRating) ?? t('common.none'), numeric: true },
                ]} />
            } />
          )}
        </QueryState>
      </DashboardSection>
    </InstDashboardPage>
  );
}
