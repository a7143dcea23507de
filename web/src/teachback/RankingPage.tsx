import { Badge, Center, Group, Loader, NativeSelect, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { api } from '../api/clients';
import { call } from '../api/call';
import { ProblemError } from '../api/problem';
import { ErrorAlert } from '../common/QueryState';
import { problemText } from '../common/problemText';
import { koreaDate } from '../common/time';
import { usePageTitle } from '../common/usePageTitle';
import type { components } from '../api/generated/student';
import { teachbackKeys } from './keys';
import { Notice } from './Notice';
import { TeachbackLinks } from './TeachbackLinks';
import { useTopics } from './useTopics';

type Ranking = components['schemas']['RankingResponse'];

/**
 * The last 30 days' ranking, of everyone or of one of my courses. Names are shown as the service gives them: mine and
 * my colleagues' by name, everyone else's as a pseudonym.
 */
export function RankingPage() {
  const { t } = useTranslation('teachback');
  usePageTitle(t('ranking.title'));
  const [params, setParams] = useSearchParams();
  const courseId = params.get('courseId');
  const topics = useTopics();
  const ranking = useQuery({
    queryKey: teachbackKeys.ranking(courseId),
    queryFn: () => call(api.student.GET('/student/v1/teachbacks/ranking', { params: { query: courseId ? { courseId, top: 20 } : { top: 20 } } })),
  });
  const courses = topics.data?.courses ?? [];
  const options = [{ value: '', label: t('ranking.global') }, ...courses.map((course) => ({ value: course.courseId, label: course.courseTitle }))];
  if (courseId && !courses.some((course) => course.courseId === courseId)) options.push({ value: courseId, label: courseId });

  return (
    <Stack maw={760} gap="md">
      <Stack gap="xs">
        <Title order={1}>{t('ranking.title')}</Title>
        <TeachbackLinks />
      </Stack>
      <NativeSelect label={t('ranking.scope')} data={options} value={courseId ?? ''} maw={420}
        onChange={(event) => setParams(event.currentTarget.value ? { courseId: event.currentTarget.value } : {})} />
      <Text size="sm" c="dimmed">{t('ranking.privacy')}</Text>
      {ranking.isPending ? <Center py="lg"><Loader role="status" aria-label={t('common:loading')} /></Center>
        : ranking.error ? <Refusal error={ranking.error} onRetry={() => void ranking.refetch()} />
          : <RankingTable ranking={ranking.data} />}
    </Stack>
  );
}

/** A ranking the caller may not read is said in words beside the scope picker, so another scope is one choice away. */
function Refusal({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  const { t } = useTranslation('teachback');
  if (error instanceof ProblemError && error.status === 404) return <Notice tone="warning" role="alert">{t('ranking.courseNotFound')}</Notice>;
  if (error instanceof ProblemError && error.status === 403) return <Notice tone="warning" role="alert">{problemText(t, error)}</Notice>;
  return <ErrorAlert error={error} onRetry={onRetry} />;
}

function RankingTable({ ranking }: { ranking: Ranking }) {
  const { t, i18n } = useTranslation('teachback');
  const number = (value: number) => value.toLocaleString(i18n.language, { maximumFractionDigits: 1 });
  const { me } = ranking;
  return (
    <Stack gap="sm">
      <Text size="sm">{t('ranking.period', { from: koreaDate(ranking.from, i18n.language), minimum: ranking.minimumCount })}</Text>
      <Notice tone="info">
        <Text fw={500}>{me.rank !== null && me.averageScore !== null && me.percentile !== null
          ? t('ranking.mine', { rank: me.rank, ranked: ranking.ranked, percentile: number(me.percentile), average: number(me.averageScore), count: me.count })
          : t('ranking.notRanked', { minimum: ranking.minimumCount, count: me.count })}</Text>
      </Notice>
      {ranking.entries.length === 0 ? <Text c="dimmed">{t('ranking.empty')}</Text> : (
        <Table striped withTableBorder verticalSpacing="xs" horizontalSpacing="xs">
          <Table.Caption>{t('ranking.caption')}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col" w={56}>{t('ranking.rank')}</Table.Th>
              <Table.Th scope="col">{t('ranking.name')}</Table.Th>
              <Table.Th scope="col" ta="right">{t('ranking.average')}</Table.Th>
              <Table.Th scope="col" ta="right">{t('ranking.count')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {ranking.entries.map((entry) => (
              <Table.Tr key={`${entry.rank}-${entry.name}`} bg={entry.isMe ? 'blue.0' : undefined} fw={entry.isMe ? 700 : undefined}>
                <Table.Td>{entry.rank}</Table.Td>
                <Table.Td>
                  <Group gap={6} wrap="wrap">
                    <Text span inherit style={{ wordBreak: 'break-all' }}>{entry.name}</Text>
                    {entry.isMe && <Badge size="sm" color="blue.8">{t('ranking.me')}</Badge>}
                    {entry.pseudonymous && <Badge size="sm" variant="outline" color="gray.8">{t('ranking.pseudonym')}</Badge>}
                  </Group>
                </Table.Td>
                <Table.Td ta="right">{number(entry.averageScore)}</Table.Td>
                <Table.Td ta="right">{entry.count}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
