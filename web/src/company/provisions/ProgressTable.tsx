import { Progress as Bar, ScrollArea, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { QueryState } from '../../common/QueryState';
import { koreaDate } from '../../common/time';
import type { useProgress } from './queries';

/** Each learner's progress and completion in this provision. */
export function ProgressTable({ query }: { query: ReturnType<typeof useProgress> }) {
  const { t, i18n } = useTranslation('corpProvisions');
  return (
    <Stack gap="xs">
      <Title order={2} size="h3">{t('progress.title')}</Title>
      <QueryState query={query}>
        {(progress) => progress.items.length === 0 ? <Text size="sm">{t('progress.empty')}</Text> : (
          <>
            <Text size="sm">{t('progress.summary', {
              learners: progress.learners, completed: progress.completed, average: Math.round(progress.averageProgressPercent),
            })}</Text>
            <ScrollArea type="auto">
              <Table miw={680} striped>
                <Table.Caption>{t('progress.caption')}</Table.Caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('progress.learner')}</Table.Th>
                    <Table.Th scope="col">{t('progress.email')}</Table.Th>
                    <Table.Th scope="col">{t('progress.progress')}</Table.Th>
                    <Table.Th scope="col">{t('progress.state')}</Table.Th>
                    <Table.Th scope="col">{t('progress.completedAt')}</Table.Th>
                    <Table.Th scope="col">{t('progress.certificate')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {progress.items.map((learner) => {
                    const percent = Math.round(learner.progressPercent);
                    const name = learner.name ?? learner.email ?? '';
                    return (
                      <Table.Tr key={learner.userId}>
                        <Table.Td>{name}</Table.Td>
                        <Table.Td>{learner.email}</Table.Td>
                        <Table.Td miw={140}>
                          <Stack gap={2}>
                            <Text size="sm">{percent}%</Text>
                            <Bar value={percent} size="sm" aria-label={t('progress.progressLabel', { name, percent })} />
                          </Stack>
                        </Table.Td>
                        <Table.Td>{t(`progress.states.${learner.state}`, { defaultValue: learner.state })}</Table.Td>
                        <Table.Td>{learner.completedAt ? koreaDate(learner.completedAt, i18n.language) : '—'}</Table.Td>
                        <Table.Td>{learner.certificateSerial ?? '—'}</Table.Td>
                      </Table.Tr>
                    );
                  })}
                </Table.Tbody>
              </Table>
            </ScrollArea>
          </>
        )}
      </QueryState>
    </Stack>
  );
}
