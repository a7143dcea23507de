import { Paper, SegmentedControl, Stack, Table, Text, Title } from '@mantine/core';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LeaderboardEvent } from '../hub/hubTypes';

type Props = {
  boards: Partial<Record<LeaderboardEvent['scope'], LeaderboardEvent>>;
  /** Learners see their own rank; a manager is never ranked. */
  showOwnRank: boolean;
};

/** The top 10 of the session or of the whole course, pushed after each quiz closes, with the viewer's own rank. */
export function Leaderboard({ boards, showOwnRank }: Props) {
  const { t } = useTranslation('live');
  const headingId = useId();
  const [scope, setScope] = useState<LeaderboardEvent['scope']>('session');
  const board = boards[scope];
  if (!boards.session && !boards.provision) return null;
  return (
    <Paper component="section" withBorder p="md" aria-labelledby={headingId}>
      <Stack gap="sm">
        <Title order={2} size="h4" id={headingId}>{t('leaderboard.title')}</Title>
        <SegmentedControl
          aria-label={t('leaderboard.scope')}
          value={scope}
          onChange={(value) => setScope(value as LeaderboardEvent['scope'])}
          data={[{ value: 'session', label: t('leaderboard.session') }, { value: 'provision', label: t('leaderboard.provision') }]}
          w="fit-content"
        />
        {showOwnRank && board && (
          <Text fw={600} data-testid="own-rank">
            {board.me ? t('leaderboard.me', { rank: board.me.rank, correct: board.me.correct }) : t('leaderboard.notRanked')}
          </Text>
        )}
        {!board || board.entries.length === 0
          ? <Text size="sm" c="dimmed">{t('leaderboard.empty')}</Text>
          : (
            <Table.ScrollContainer minWidth={320}>
              <Table striped>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('leaderboard.rank')}</Table.Th>
                    <Table.Th scope="col">{t('leaderboard.name')}</Table.Th>
                    <Table.Th scope="col">{t('leaderboard.correct')}</Table.Th>
                    <Table.Th scope="col">{t('leaderboard.time')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {board.entries.map((entry) => (
                    <Table.Tr key={entry.rank} fw={board.me?.rank === entry.rank ? 700 : undefined}>
                      <Table.Td>{t('leaderboard.rankCell', { rank: entry.rank })}</Table.Td>
                      <Table.Td>{entry.name ?? t('chat.noName')}</Table.Td>
                      <Table.Td>{entry.correct}</Table.Td>
                      <Table.Td>{t('leaderboard.seconds', { seconds: (entry.answerMs / 1000).toFixed(1) })}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
      </Stack>
    </Paper>
  );
}
