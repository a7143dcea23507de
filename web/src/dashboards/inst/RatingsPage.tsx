import { List, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { QueryState } from '../../common/QueryState';
import { koreaDateTime } from '../../common/time';
import { CsvButton } from '../CsvButton';
import { DashboardBarChart, seriesColors } from '../DashboardBarChart';
import { ChartAndTable, DashboardSection } from '../DashboardSection';
import { DashboardTable } from '../DashboardTable';
import { figure } from '../figures';
import { useRatings } from '../instQueries';
import { InstDashboardPage } from './InstDashboardPage';

/** `/inst/dashboards/ratings`: the distribution of ratings, each course's average, the latest comments. */
export function RatingsPage() {
  const { t, i18n } = useTranslation('dashboards');
  const query = useRatings();
  const number = (value: number | null) => figure(value, i18n.language) ?? t('common.none');
  return (
    <InstDashboardPage title={t('ratings.title')} intro={t('ratings.intro')}>
      <QueryState query={query}>
        {(view) => {
          const distribution = [1, 2, 3, 4, 5].map((stars) => ({ stars: t('ratings.starsLabel', { stars }), count: view.distribution[String(stars)] ?? 0 }));
          const caption = t('ratings.distributionCaption', { count: view.count, average: number(view.average) });
          return (
            <>
              <DashboardSection title={t('ratings.distribution')}
                actions={<CsvButton path="/institution/v1/dashboard/ratings" fallbackName="ratings.csv" what={t('ratings.what')} />}>
                <ChartAndTable
                  empty={view.count === 0 ? t('ratings.empty') : null}
                  chart={<DashboardBarChart data={distribution} dataKey="stars" xAxisLabel={t('ratings.axis')}
                    series={[{ name: 'count', label: t('ratings.count'), color: seriesColors[0] }]} />}
                  table={<DashboardTable caption={caption} rows={distribution} rowKey={(row) => row.stars}
                    columns={[
                      { header: t('ratings.stars'), cell: (row) => row.stars },
                      { header: t('ratings.count'), cell: (row) => number(row.count), numeric: true },
                    ]} />}
                />
              </DashboardSection>
              {view.courses.length > 0 && (
                <DashboardSection title={t('ratings.perCourse')}>
                  <DashboardTable caption={t('ratings.perCourseCaption')} rows={view.courses} rowKey={(row) => row.courseId} minWidth={640}
                    columns={[
                      { header: t('ratings.course'), cell: (row) => row.courseTitle },
                      { header: t('ratings.average'), cell: (row) => number(row.average), numeric: true },
                      { header: t('ratings.count'), cell: (row) => number(row.count), numeric: true },
                      ...([1, 2, 3, 4, 5] as const).map((stars) => ({
                        header: t('ratings.starsLabel', { stars }), numeric: true,
                        cell: (row: typeof view.courses[number]) => number(row[`stars${stars}`]),
                      })),
                    ]} />
                </DashboardSection>
              )}
              <DashboardSection title={t('ratings.comments')}>
                {view.recentComments.length === 0 ? <Text>{t('ratings.noComments')}</Text> : (
                  <List spacing="sm" listStyleType="none" p={0}>
                    {view.recentComments.map((comment) => (
                      <List.Item key={`${comment.courseId}-${comment.ratedAt}`}>
                        <Text size="sm">{comment.comment}</Text>
                        <Text size="xs" c="dimmed">
                          {t('ratings.commentBy', { course: comment.courseTitle, stars: comment.stars, when: koreaDateTime(comment.ratedAt, i18n.language) })}
                        </Text>
                      </List.Item>
                    ))}
                  </List>
                )}
              </DashboardSection>
            </>
          );
        }}
      </QueryState>
    </InstDashboardPage>
  );
}
