import { Anchor, Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { api } from '../api/clients';
import { call } from '../api/call';
import { QueryState } from '../common/QueryState';
import { koreaDateTime } from '../common/time';
import { usePageTitle } from '../common/usePageTitle';
import { teachbackKeys } from './keys';
import { statusColor } from './statusColor';
import { TeachbackLinks } from './TeachbackLinks';

const PAGE_SIZE = 20;

/** My submissions, newest first, each opening its result. */
export function HistoryPage() {
  const { t, i18n } = useTranslation('teachback');
  usePageTitle(t('history.title'));
  const [params, setParams] = useSearchParams();
  const page = Math.max(1, Number(params.get('page')) || 1);
  const mine = useQuery({
    queryKey: teachbackKeys.mine(page),
    queryFn: () => call(api.student.GET('/student/v1/teachbacks/mine', { params: { query: { page, size: PAGE_SIZE } } })),
    placeholderData: keepPreviousData,
  });
  const go = (next: number) => setParams(next === 1 ? {} : { page: String(next) });

  return (
    <Stack maw={760} gap="md">
      <Stack gap="xs">
        <Title order={1}>{t('history.title')}</Title>
        <TeachbackLinks />
      </Stack>
      <QueryState query={mine}>
        {(data) => {
          const pages = Math.max(1, Math.ceil(data.total / data.size));
          return data.items.length === 0 ? <Text c="dimmed">{t('history.empty')}</Text> : (
            <Stack gap="sm">
              <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
                {data.items.map((item) => (
                  <Paper key={item.id} withBorder p="sm" component="li">
                    <Group justify="space-between" gap="xs" wrap="wrap">
                      <Stack gap={2} style={{ minWidth: 0, flex: 1 }}>
                        <Anchor fw={600} component={Link} to={`/teachback/submissions/${item.id}`} style={{ wordBreak: 'keep-all' }}>
                          {item.topicTitle}
                        </Anchor>
                        <Text size="sm" c="dimmed">{t('history.submitted', { time: koreaDateTime(item.createdAt, i18n.language) })}</Text>
                      </Stack>
                      <Group gap="xs">
                        <Badge color={statusColor(item.status)}>{t(`status.${item.status}`, { defaultValue: item.status })}</Badge>
                        {item.score !== null && <Text fw={700}>{t('history.score', { score: item.score })}</Text>}
                      </Group>
                    </Group>
                  </Paper>
                ))}
              </Stack>
              {pages > 1 && (
                <Group gap="xs" justify="center">
                  <Button variant="default" size="xs" disabled={page <= 1} onClick={() => go(page - 1)}>{t('common:previous')}</Button>
                  <Text size="sm">{t('history.page', { page, pages })}</Text>
                  <Button variant="default" size="xs" disabled={page >= pages} onClick={() => go(page + 1)}>{t('common:next')}</Button>
                </Group>
              )}
            </Stack>
          );
        }}
      </QueryState>
    </Stack>
  );
}
