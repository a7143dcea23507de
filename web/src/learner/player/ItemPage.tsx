import { Alert, Anchor, Grid, Group, Stack, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { problemText } from '../../common/problemText';
import { QueryState } from '../../common/QueryState';
import { StatusPage } from '../../common/StatusPage';
import { usePageTitle } from '../../common/usePageTitle';
import { RequiredBadge } from '../courses/Badges';
import { ItemKindLabel } from '../courses/ItemKind';
import { learnerKeys } from '../keys';
import { useEnrollment, type EnrollmentDetail } from '../useEnrollment';
import { DocumentViewer } from './DocumentViewer';
import { ItemNavigation } from './ItemNavigation';
import { locateItem, type LocatedItem } from './itemNavigation';
import { ItemProgressPanel } from './ItemProgressPanel';
import type { ItemProgress } from './useHeartbeats';
import { useOpenItem } from './useOpenItem';
import { VideoPlayer } from './VideoPlayer';
import styles from '../page.module.css';

export function ItemPage() {
  const { enrollmentId = '', itemId = '' } = useParams();
  const query = useEnrollment(enrollmentId);
  return (
    <QueryState query={query}>
      {(enrollment) => {
        const located = locateItem(enrollment.chapters, itemId);
        return located ? <ItemView key={itemId} enrollment={enrollment} located={located} /> : <StatusPage kind="not-found" />;
      }}
    </QueryState>
  );
}

function ItemView({ enrollment, located }: { enrollment: EnrollmentDetail; located: LocatedItem }) {
  const { t } = useTranslation('learner');
  const { item, chapter } = located;
  usePageTitle(`${item.title} · ${enrollment.courseTitle}`);
  const [progress, setProgress] = useState<ItemProgress | null>(null);
  const onProgress = useProgressInCache(enrollment.id, setProgress);
  const reviewing = enrollment.state === 'COMPLETED';

  return (
    <Stack className={styles.page} gap="md" maw={1200}>
      <Anchor component={Link} to={`/courses/${enrollment.id}`} size="sm" w="fit-content">← {t('player.back')}</Anchor>
      <Stack gap={4}>
        <Text size="sm" c="gray.7" style={{ overflowWrap: 'anywhere' }}>{enrollment.courseTitle} · {chapter.title}</Text>
        <Title order={1} size="h2" style={{ overflowWrap: 'anywhere' }}>{item.title}</Title>
        <Group gap="xs">
          <ItemKindLabel kind={item.kind} />
          <RequiredBadge required={item.required} />
        </Group>
      </Stack>
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 8 }}>
          {item.kind === 'VIDEO' && item.fileId
            ? (
              <VideoPlayer enrollmentId={enrollment.id} itemId={item.id} fileId={item.fileId} title={item.title}
                durationSeconds={item.durationSeconds} record={enrollment.state === 'ACTIVE'} onProgress={onProgress} />
            )
            : <OpenedItem enrollmentId={enrollment.id} located={located} onProgress={onProgress} />}
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <ItemProgressPanel item={item} progress={progress} reviewing={reviewing}
            videoThreshold={enrollment.completionRule?.videoProgressPercent ?? null} />
        </Grid.Col>
      </Grid>
      <ItemNavigation enrollmentId={enrollment.id} located={located} />
    </Stack>
  );
}

/** A non-video item: opening its page is what records it. */
function OpenedItem({ enrollmentId, located, onProgress }: {
  enrollmentId: string; located: LocatedItem; onProgress: (progress: ItemProgress) => void;
}) {
  const { t } = useTranslation('learner');
  const open = useOpenItem(enrollmentId, located.item.id, onProgress);
  return (
    <Stack gap="sm">
      {open.error !== null && <Alert color="orange" role="alert">{t('player.stopped', { reason: problemText(t, open.error) })}</Alert>}
      <DocumentViewer fileId={located.item.fileId} title={located.item.title} />
    </Stack>
  );
}

/**
 * Keeps the server's answers in the page and in the cached course outline, so the course room shows the item's new
 * state at once; leaving the item refreshes the learner's lists (course progress, exams unlocked).
 */
function useProgressInCache(enrollmentId: string, setProgress: (progress: ItemProgress) => void) {
  const client = useQueryClient();
  useEffect(() => () => void client.invalidateQueries({ queryKey: learnerKeys.all }), [client]);
  return useCallback((progress: ItemProgress) => {
    setProgress(progress);
    client.setQueryData<EnrollmentDetail>(learnerKeys.enrollment(enrollmentId), (cached) => cached && {
      ...cached,
      state: progress.enrollmentState,
      progressPercent: progress.courseProgressPercent,
      chapters: cached.chapters.map((chapter) => ({
        ...chapter,
        items: chapter.items.map((item) => item.id === progress.itemId
          ? { ...item, state: progress.state, progressPercent: progress.progressPercent }
          : item),
      })),
    });
  }, [client, enrollmentId, setProgress]);
}
