import { Select, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { QueryState } from '../../common/QueryState';
import { CsvButton } from '../CsvButton';
import { DashboardBarChart, seriesColors } from '../DashboardBarChart';
import { ChartAndTable, DashboardSection } from '../DashboardSection';
import { DashboardTable } from '../DashboardTable';
import { figure } from '../figures';
import { useAttendance, useCourseChoices } from '../instQueries';
import { InstDashboardPage } from './InstDashboardPage';

/** `/inst/dashboards/attendance?courseId=`: for one course, each company's learners, completion, progress and live attendance. */
export function AttendancePage() {
  const { t, i18n } = useTranslation('dashboards');
  const [params, setParams] = useSearchParams();
  const courseId = params.get('courseId');
  const courses = useCourseChoices();
  const query = useAttendance(courseId);
  const course = courses.data?.find((c) => c.id === courseId);
  const number = (value: number | null) => figure(value, i18n.language) ?? t('common.none');
  return (
    <InstDashboardPage title={t('attendance.title')} intro={t('attendance.intro')}>
      <QueryState query={courses}>
        {(list) => list.length === 0 ? <Text>{t('attendance.noCourses')}</Text> : (
          <DashboardSection
            title={course ? t('attendance.caption', { course: course.title }) : t('attendance.title')}
            actions={<>
              <Select label={t('attendance.course')} placeholder={t('attendance.coursePlaceholder')} w={280} searchable
                data={list.map((c) => ({ value: c.id, label: c.title }))} value={courseId}
                onChange={(next) => setParams(next ? { courseId: next } : {}, { replace: true })} nothingFoundMessage={t('common.none')} />
              {courseId && <CsvButton path={`/institution/v1/dashboard/attendance?courseId=${courseId}`} fallbackName="attendance.csv" what={t('attendance.what')} />}
            </>}
          >
            {!courseId ? <Text>{t('attendance.pick')}</Text> : (
              <QueryState query={query}>
                {(table) => (
                  <ChartAndTable
                    empty={table.items.length === 0 ? t('attendance.empty') : null}
                    chart={<DashboardBarChart data={table.items} dataKey="companyName" unit="%" xAxisLabel={t('attendance.axis')} yAxisLabel={t('attendance.percentAxis')}
                      series={[
                        { name: 'completionRate', label: t('attendance.completionRate'), color: seriesColors[0] },
                        { name: 'averageProgressPercent', label: t('attendance.averageProgress'), color: seriesColors[1] },
                        { name: 'attendanceRate', label: t('attendance.attendanceRate'), color: seriesColors[2] },
                      ]} />}
                    table={<DashboardTable caption={t('attendance.caption', { course: course?.title ?? '' })} rows={table.items} rowKey={(row) => row.companyId} minWidth={480}
                      columns={[
                        { header: t('attendance.company'), cell: (row) => row.companyName },
                        { header: t('attendance.learners'), cell: (row) => number(row.learners), numeric: true },
                        { header: t('attendance.completed'), cell: (row) => number(row.completed), numeric: true },
                        { header: t('attendance.completionRate'), cell: (row) => number(row.completionRate), numeric: true },
                        { header: t('attendance.averageProgress'), cell: (row) => number(row.averageProgressPercent), numeric: true },
                        { header: t('attendance.attendanceRate'), cell: (row) => number(row.attendanceRate), numeric: true },
                      ]} />}
                  />
                )}
              </QueryState>
            )}
          </DashboardSection>
        )}
      </QueryState>
    </InstDashboardPage>
  );
}
