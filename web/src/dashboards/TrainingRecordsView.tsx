import { useTranslation } from 'react-i18next';
import { koreaDate } from '../common/time';
import { DashboardBarChart, seriesColors } from './DashboardBarChart';
import { ChartAndTable } from './DashboardSection';
import { DashboardTable } from './DashboardTable';
import { figure } from './figures';

/** What both reports share: the institution's and the company's lines have these fields. */
type RecordRow = {
  enrollmentId: string;
  name: string;
  email: string;
  companyName: string;
  progressPercent: number;
  evaluationScore: number | null;
  attendanceRate: number | null;
  completed: boolean;
  completedAt: string | null;
  certificateSerial: string | null;
};

/** A provision's training records: each learner's progress and score as a chart, every column of the report as a table. */
export function TrainingRecordsView({ rows, caption }: { rows: readonly RecordRow[]; caption: string }) {
  const { t, i18n } = useTranslation('dashboards');
  const number = (value: number | null) => figure(value, i18n.language) ?? t('common.none');
  return (
    <ChartAndTable wide
      empty={rows.length === 0 ? t('records.empty') : null}
      chart={<DashboardBarChart horizontal unit="%" data={rows.map((row) => ({ name: row.name, progressPercent: row.progressPercent, attendanceRate: row.attendanceRate }))} dataKey="name" xAxisLabel={t('records.progress')}
        height={Math.max(220, 48 * rows.length + 80)}
        series={[
          { name: 'progressPercent', label: t('records.progress'), color: seriesColors[0] },
          { name: 'attendanceRate', label: t('records.attendance'), color: seriesColors[1] },
        ]} />}
      table={<DashboardTable caption={caption} rows={rows} rowKey={(row) => row.enrollmentId} minWidth={900}
        columns={[
          { header: t('records.name'), cell: (row) => row.name },
          { header: t('records.email'), cell: (row) => row.email },
          { header: t('records.company'), cell: (row) => row.companyName },
          { header: t('records.progress'), cell: (row) => number(row.progressPercent), numeric: true },
          { header: t('records.score'), cell: (row) => number(row.evaluationScore), numeric: true },
          { header: t('records.attendance'), cell: (row) => number(row.attendanceRate), numeric: true },
          { header: t('records.completed'), cell: (row) => (row.completed ? t('records.completedYes') : t('records.completedNo')) },
          { header: t('records.completedAt'), cell: (row) => (row.completedAt ? koreaDate(row.completedAt, i18n.language) : t('common.none')) },
          { header: t('records.certificate'), cell: (row) => row.certificateSerial ?? t('common.none') },
        ]} />}
    />
  );
}
