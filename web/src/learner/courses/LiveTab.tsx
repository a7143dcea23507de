import { Badge, Button, Group, Paper, Stack, Text, Title, VisuallyHidden } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { koreaDateTime } from '../../common/time';
import { PageNav } from './PageNav';
import { SectionState } from './SectionState';
import { useLiveSessions, type LiveSession } from './useLiveSessions';

const plainList = { listStyle: 'none', padding: 0, margin: 0 } as const;
const stateColors: Record<string, string> = { SCHEDULED: 'blue.8', LIVE: 'red.9', ENDED: 'gray.7', CANCELLED: 'gray.7' };

export function LiveTab({ courseProvideId }: { courseProvideId: string }) {
  const { t } = useTranslation('learner');
  const [page, setPage] = useState(1);
  const query = useLiveSessions(courseProvideId, page);
  return (
    <Stack gap="md">
      <VisuallyHidden component="h2">{t('live.title')}</VisuallyHidden>
      <SectionState query={query}>
        {(data) => data.total === 0
          ? <Text>{t('live.empty')}</Text>
          : (
            <>
              <Text size="sm" c="gray.7">{t('live.kst')}</Text>
              <Stack component="ul" gap="sm" style={plainList}>
                {data.items.map((session) => <SessionCard key={session.id} session={session} />)}
              </Stack>
              <PageNav label={t('live.pages')} page={page} size={data.size} total={data.total} onChange={setPage} />
            </>
          )}
      </SectionState>
    </Stack>
  );
}

function SessionCard({ session }: { session: LiveSession }) {
  const { t, i18n } = useTranslation('learner');
  const known = session.state in stateColors;
  // The classroom is for a class about to start or running; an ended or cancelled one has nothing to enter.
  const canEnter = session.state === 'LIVE' || session.state === 'SCHEDULED';
  return (
    <Paper component="li" withBorder p="md" radius="md">
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start" gap="xs">
          <Title order={3} size="h4" style={{ overflowWrap: 'anywhere' }}>{session.title}</Title>
          <Badge color={stateColors[session.state] ?? 'gray.7'} variant="filled">{t(`live.states.${known ? session.state : 'unknown'}`)}</Badge>
        </Group>
        <Text size="sm">
          {t('live.scheduled', { from: koreaDateTime(session.scheduledStart, i18n.language), to: koreaDateTime(session.scheduledEnd, i18n.language) })}
        </Text>
        {session.startedAt && <Text size="sm" c="gray.7">{t('live.started', { at: koreaDateTime(session.startedAt, i18n.language) })}</Text>}
        {session.endedAt && <Text size="sm" c="gray.7">{t('live.ended', { at: koreaDateTime(session.endedAt, i18n.language) })}</Text>}
        {canEnter && (
          <Button component={Link} to={`/classroom/${session.id}`} w="fit-content" color={session.state === 'LIVE' ? 'red.9' : undefined}
            variant={session.state === 'LIVE' ? 'filled' : 'light'} aria-label={t('live.enterLabel', { title: session.title })}>
            {t('live.enter')}
          </Button>
        )}
      </Stack>
    </Paper>
  );
}
