import { Badge, NativeSelect, Pagination, ScrollArea, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryState } from '../../common/QueryState';
import { koreaDateTime } from '../../common/time';
import { ATTEMPT_PAGE_SIZE, useAttempts } from './examApi';

const STATES = ['', 'IN_PROGRESS', 'GRADED'] as const;

/** Who took the exam: each attempt with its learner, when it started, its state and score, latest first. */
export function AttemptsTable({ examId }: { examId: string }) {
  const { t, i18n } = useTranslation('instExams');
  const [state, setState] = useState('');
  const [page, setPage] = useState(1);
  const attempts = useAttempts(examId, state, page);
  return (
    <Stack gap="sm">
      <NativeSelect label={t('attempts.filter')} w={220} value={state}
        data={STATES.map((value) => ({ value, label: value ? t(`attempts.${value}`) : t('attempts.all') }))}
        onChange={(event) => { setState(event.currentTarget.value); setPage(1); }} />
      <QueryState query={attempts}>
        {(list) => list.items.length === 0 ? <Text>{t('attempts.empty')}</Text> : (
          <>
            <ScrollArea type="auto">
              <Table striped miw={820}>
                <Table.Caption>{t('attempts.caption')}</Table.Caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('attempts.name')}</Table.Th>
                    <Table.Th scope="col">{t('attempts.email')}</Table.Th>
                    <Table.Th scope="col">{t('attempts.number')}</Table.Th>
                    <Table.Th scope="col">{t('attempts.started')}</Table.Th>
                    <Table.Th scope="col">{t('attempts.state')}</Table.Th>
                    <Table.Th scope="col">{t('attempts.score')}</Table.Th>
                    <Table.Th scope="col">{t('attempts.passed')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {list.items.map((attempt) => (
                    <Table.Tr key={attempt.attemptId}>
                      <Table.Th scope="row" fw={500}>{attempt.name ?? t('attempts.unknown')}</Table.Th>
                      <Table.Td>{attempt.email ?? ''}</Table.Td>
                      <Table.Td>{attempt.attemptNumber}</Table.Td>
                      <Table.Td>{koreaDateTime(attempt.startedAt, i18n.language)}</Table.Td>
                      <Table.Td>
                        {t(`attempts.${attempt.state}`, { defaultValue: attempt.state })}
                        {attempt.autoGraded && <Text size="xs" c="dimmed">{t('attempts.autoGraded')}</Text>}
                      </Table.Td>
                      <Table.Td>{attempt.score ?? ''}</Table.Td>
                      <Table.Td>
                        {attempt.passed === null ? '' : attempt.passed
                          ? <Badge color="teal.9">{t('attempts.pass')}</Badge>
                          : <Badge color="red.9" variant="outline">{t('attempts.fail')}</Badge>}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </ScrollArea>
            {list.total > ATTEMPT_PAGE_SIZE && (
              <nav aria-label={t('attempts.pages')}>
                <Pagination total={Math.ceil(list.total / ATTEMPT_PAGE_SIZE)} value={page} onChange={setPage}
                  getControlProps={(control) => ({ 'aria-label': t(`common:${control === 'previous' ? 'previous' : 'next'}`) })} />
              </nav>
            )}
          </>
        )}
      </QueryState>
    </Stack>
  );
}
