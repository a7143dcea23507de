import { Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/clients';
import { call } from '../../api/call';
import { QueryState } from '../../common/QueryState';

/** Who attended an ended session: present time, rate, whether it counts, and their quizzes. */
export function AttendanceTable({ sessionId }: { sessionId: string }) {
  const { t } = useTranslation('live');
  const headingId = useId();
  const query = useQuery({
    queryKey: ['live', 'attendance', sessionId],
    queryFn: () => call(api.live.GET('/live/v1/sessions/{id}/attendance', { params: { path: { id: sessionId } } })),
  });
  const duration = (seconds: number) => t('host.attendance.duration', { minutes: Math.floor(seconds / 60), seconds: seconds % 60 });
  return (
    <Paper component="section" withBorder p="md" aria-labelledby={headingId}>
      <Stack gap="sm">
        <Title order={2} size="h4" id={headingId}>{t('host.attendance.title')}</Title>
        <QueryState query={query}>
          {(attendance) => (
            <>
              <Text size="sm">{t('host.attendance.liveTime', { time: duration(attendance.liveSeconds) })}</Text>
              {attendance.students.length === 0
                ? <Text size="sm" c="dimmed">{t('host.attendance.empty')}</Text>
                : (
                  <Table.ScrollContainer minWidth={560}>
                    <Table striped>
                      <Table.Thead>
                        <Table.Tr>
                          <Table.Th scope="col">{t('host.attendance.name')}</Table.Th>
                          <Table.Th scope="col">{t('host.attendance.present')}</Table.Th>
                          <Table.Th scope="col">{t('host.attendance.rate')}</Table.Th>
                          <Table.Th scope="col">{t('host.attendance.attended')}</Table.Th>
                          <Table.Th scope="col">{t('host.attendance.quizzes')}</Table.Th>
                        </Table.Tr>
                      </Table.Thead>
                      <Table.Tbody>
                        {attendance.students.map((row) => (
                          <Table.Tr key={row.userId}>
                            <Table.Td>{row.name || t('chat.noName')}</Table.Td>
                            <Table.Td>{duration(row.presentSeconds)}</Table.Td>
                            <Table.Td>{Math.round(row.rate * 100)}%</Table.Td>
                            <Table.Td>{row.attended ? t('host.attendance.yes') : t('host.attendance.no')}</Table.Td>
                            <Table.Td>{row.quizzesAnswered}/{row.quizzesCorrect}</Table.Td>
                          </Table.Tr>
                        ))}
                      </Table.Tbody>
                    </Table>
                  </Table.ScrollContainer>
                )}
            </>
          )}
        </QueryState>
      </Stack>
    </Paper>
  );
}
