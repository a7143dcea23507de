import { Pagination, Select, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { QueryState } from '../../common/QueryState';
import { koreaDate } from '../../common/time';
import { usePageTitle } from '../../common/usePageTitle';
import { EMPLOYEE_PAGE_SIZE, useCompanyDashboard, useCompanyTrainingRecords } from '../corpQueries';
import { CsvButton } from '../CsvButton';
import { DashboardBarChart, seriesColors } from '../DashboardBarChart';
import type { CompanyDashboard } from '../dashboardApi';
import { ChartAndTable, DashboardSection } from '../DashboardSection';
import { DashboardTable } from '../DashboardTable';
import { figure } from '../figures';
import { stateLabel } from '../stateLabel';
import { TrainingRecordsView } from '../TrainingRecordsView';

/** `/corp`: the supervisor's home — provisions by state, completion per provision, each employee's learning, the training records. */
export function CompanyDashboardPage() {
  const { t } = useTranslation('dashboards');
  usePageTitle(t('corp.title'));
  const [page, setPage] = useState(1);
  const query = useCompanyDashboard(page);
  return (
    <Stack gap="lg">
      <Stack gap={4}>
        <Title order={1}>{t('corp.title')}</Title>
        <Text c="dimmed" size="sm">{t('corp.intro')}</Text>
      </Stack>
      <QueryState query={query}>
        {(dashboard) => (
          <>
            <Overview dashboard={dashboard} />
            <Completion dashboard={dashboard} />
            <Employees dashboard={dashboard} page={page} onPage={setPage} />
            <Records dashboard={dashboard} />
          </>
        )}
      </QueryState>
    </Stack>
  );
}

function Overview({ dashboard }: { dashboard: CompanyDashboard }) {
  const { t, i18n } = useTranslation('dashboards');
  const number = (value: number) => figure(value, i18n.language);
  const metrics = [
    { metric: t('corp.employees'), value: number(dashboard.employees) },
    { metric: t('corp.learners'), value: number(dashboard.learners) },
    { metric: t('corp.active'), value: number(dashboard.active) },
    { metric: t('corp.completed'), value: number(dashboard.completed) },
    { metric: t('corp.completionRate'), value: t('common.percent', { value: number(dashboard.completionRate) }) },
    { metric: t('corp.averageProgress'), value: t('common.percent', { value: number(dashboard.averageProgressPercent) }) },
  ];
  const byState = Object.entries(dashboard.provisionsByState)
    .map(([state, count]) => ({ state: stateLabel(t, state), count }))
    .sort((a, b) => b.count - a.count);
  return (
    <>
      <DashboardSection title={t('corp.overview')}>
        <DashboardTable caption={t('corp.overviewCaption')} rows={metrics} rowKey={(row) => row.metric}
          columns={[{ header: t('corp.metric'), cell: (row) => row.metric }, { header: t('corp.value'), cell: (row) => row.value, numeric: true }]} />
      </DashboardSection>
      <DashboardSection title={t('corp.byState')}>
        <ChartAndTable
          empty={byState.length === 0 ? t('corp.noProvisions') : null}
          chart={<DashboardBarChart data={byState} dataKey="state" xAxisLabel={t('corp.stateAxis')}
            series={[{ name: 'count', label: t('corp.count'), color: seriesColors[0] }]} />}
          table={<DashboardTable caption={t('corp.byStateCaption')} rows={byState} rowKey={(row) => row.state}
            columns={[{ header: t('corp.state'), cell: (row) => row.state }, { header: t('corp.count'), cell: (row) => number(row.count), numeric: true }]} />}
        />
      </DashboardSection>
    </>
  );
}

function Completion({ dashboard }: { dashboard: CompanyDashboard }) {
  const { t, i18n } = useTranslation('dashboards');
  const number = (value: number | null) => figure(value, i18n.language) ?? t('common.none');
  const rows = dashboard.provisions.map((row) => ({ ...row, label: `${row.courseTitle} (${koreaDate(row.beginDate, i18n.language)})` }));
  return (
    <DashboardSection title={t('corp.completion')}>
      <ChartAndTable wide
        empty={rows.length === 0 ? t('corp.noProvisions') : null}
        chart={<DashboardBarChart horizontal data={rows.map((row) => ({ label: row.label, learners: row.learners, completed: row.completed }))} dataKey="label"
          xAxisLabel={t('corp.learners')} height={Math.max(220, 56 * rows.length + 80)}
          series={[
            { name: 'learners', label: t('corp.learners'), color: seriesColors[0] },
            { name: 'completed', label: t('corp.completed'), color: seriesColors[1] },
          ]} />}
        table={<DashboardTable caption={t('corp.completionCaption')} rows={rows} rowKey={(row) => row.provisionId} minWidth={820}
          columns={[
            { header: t('corp.course'), cell: (row) => row.courseTitle },
            { header: t('corp.institution'), cell: (row) => row.institutionName },
            { header: t('corp.state'), cell: (row) => stateLabel(t, row.state) },
            { header: t('corp.period'), cell: (row) => t('common:time.period', { begin: koreaDate(row.beginDate, i18n.language), end: koreaDate(row.endDate, i18n.language) }) },
            { header: t('corp.seats'), cell: (row) => number(row.seats), numeric: true },
            { header: t('corp.learners'), cell: (row) => number(row.learners), numeric: true },
            { header: t('corp.completed'), cell: (row) => number(row.completed), numeric: true },
            { header: t('corp.progress'), cell: (row) => number(row.averageProgressPercent), numeric: true },
            { header: t('corp.score'), cell: (row) => number(row.averageEvaluationScore), numeric: true },
            { header: t('corp.attendance'), cell: (row) => number(row.averageAttendanceRate), numeric: true },
          ]} />}
      />
    </DashboardSection>
  );
}

function Employees({ dashboard, page, onPage }: { dashboard: CompanyDashboard; page: number; onPage: (page: number) => void }) {
  const { t, i18n } = useTranslation('dashboards');
  const progress = dashboard.learnerProgress;
  const number = (value: number | null) => figure(value, i18n.language) ?? t('common.none');
  const from = (progress.page - 1) * progress.size + 1;
  return (
    <DashboardSection title={t('corp.employeesHeading')}
      actions={<CsvButton path="/company/v1/dashboard" fallbackName="employee-progress.csv" what={t('corp.employeesWhat')} disabled={progress.total === 0} />}>
      {progress.total === 0 ? <Text>{t('corp.noLearners')}</Text> : (
        <>
          <DashboardTable caption={t('corp.employeesCaption', { total: progress.total, from, to: from + progress.items.length - 1 })}
            rows={progress.items} rowKey={(row) => row.enrollmentId} minWidth={820}
            columns={[
              { header: t('corp.name'), cell: (row) => row.name },
              { header: t('corp.email'), cell: (row) => row.email },
              { header: t('corp.course'), cell: (row) => row.courseTitle },
              { header: t('corp.learnerState'), cell: (row) => stateLabel(t, row.state) },
              { header: t('records.progress'), cell: (row) => number(row.progressPercent), numeric: true },
              { header: t('records.score'), cell: (row) => number(row.evaluationScore), numeric: true },
              { header: t('records.attendance'), cell: (row) => number(row.attendanceRate), numeric: true },
              { header: t('records.completedAt'), cell: (row) => (row.completedAt ? koreaDate(row.completedAt, i18n.language) : t('common.none')) },
            ]} />
          {progress.total > EMPLOYEE_PAGE_SIZE && (
            <nav aria-label={t('corp.pages')}>
              <Pagination total={Math.ceil(progress.total / EMPLOYEE_PAGE_SIZE)} value={page} onChange={onPage}
                getControlProps={(control) => control === 'previous' ? { 'aria-label': t('common:previous') }
                  : control === 'next' ? { 'aria-label': t('common:next') } : {}} />
            </nav>
          )}
        </>
      )}
    </DashboardSection>
  );
}

function Records({ dashboard }: { dashboard: CompanyDashboard }) {
  const { t, i18n } = useTranslation('dashboards');
  const [params, setParams] = useSearchParams();
  const provisionId = params.get('provisionId');
  const query = useCompanyTrainingRecords(provisionId);
  const chosen = dashboard.provisions.find((p) => p.provisionId === provisionId);
  if (dashboard.provisions.length === 0) return null;
  return (
    <DashboardSection
      title={t('records.title')}
      actions={<>
        <Select label={t('records.provision')} placeholder={t('records.provisionPlaceholder')} w={{ base: '100%', sm: 420 }} searchable
          data={dashboard.provisions.map((p) => ({
            value: p.provisionId,
            label: t('records.provisionLabel', { course: p.courseTitle, company: p.institutionName, begin: koreaDate(p.beginDate, i18n.language), end: koreaDate(p.endDate, i18n.language) }),
          }))}
          value={provisionId} onChange={(next) => setParams(next ? { provisionId: next } : {}, { replace: true })} nothingFoundMessage={t('common.none')} />
        {provisionId && (
          <CsvButton path={`/company/v1/dashboard/training-records?courseProvideId=${provisionId}`} fallbackName="training-records.csv" what={t('records.what')} />
        )}
      </>}
    >
      <Text size="sm" c="dimmed">{t('records.intro')}</Text>
      {!provisionId ? <Text>{t('records.pick')}</Text> : (
        <QueryState query={query}>
          {(report) => <TrainingRecordsView rows={report.items} caption={t('records.caption', { course: chosen?.courseTitle ?? '' })} />}
        </QueryState>
      )}
    </DashboardSection>
  );
}
