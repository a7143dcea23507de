import { Alert, Button, Group, Loader, Stack, Text } from '@mantine/core';
import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../common/QueryState';
import { problemText } from '../../common/problemText';
import { useFileUrl } from './useFileUrl';
import { useHeartbeats, type ItemProgress } from './useHeartbeats';
import { useRenewedSource } from './useRenewedSource';
import classes from './VideoPlayer.module.css';

type Props = {
  enrollmentId: string;
  itemId: string;
  fileId: string;
  title: string;
  durationSeconds: number | null;
  /** Whether watching is credited (false for a completed course under review or a cancelled one). */
  record: boolean;
  onProgress: (progress: ItemProgress) => void;
};

export function VideoPlayer({ enrollmentId, itemId, fileId, title, durationSeconds, record, onProgress }: Props) {
  const { t } = useTranslation('learner');
  const urlQuery = useFileUrl(fileId);
  const { refetch } = urlQuery;
  const fetchFresh = useCallback(async () => (await refetch()).data?.url, [refetch]);
  const source = useRenewedSource(urlQuery.data?.url, fetchFresh);
  const heartbeats = useHeartbeats({
    enrollmentId, itemId, enabled: record, durationSeconds, activeVideo: source.activeVideo, videos: source.videos, onProgress,
  });
  const frame = useRef<HTMLDivElement>(null);
  const fullscreen = useFullscreen(frame);
  const [ready, setReady] = useState(false);

  if (urlQuery.error && !urlQuery.data) return <ErrorAlert error={urlQuery.error} onRetry={() => void refetch()} />;

  return (
    <Stack gap="xs">
      <div ref={frame} className={classes.frame}>
        {source.videos.map((ref, index) => {
          const standby = index !== source.active;
          return (
            <video
              key={index}
              ref={ref}
              className={`${classes.video} ${standby ? classes.standby : ''}`}
              controls
              // Full screen and picture-in-picture would hold one element; the renewal switches elements, so full
              // screen is offered on the frame around both instead.
              controlsList="nofullscreen noremoteplayback"
              disablePictureInPicture
              playsInline
              preload="metadata"
              aria-label={t('player.videoLabel', { title })}
              aria-hidden={standby || undefined}
              inert={standby}
              tabIndex={standby ? -1 : undefined}
              onCanPlay={() => setReady(true)}
              {...source.eventsOf(index)}
            />
          );
        })}
        {(!ready || source.problem === 'recovering') && source.problem !== 'failed' && (
          <div className={classes.overlay} aria-hidden="true">
            <Loader size="sm" color="white" />
            <Text size="sm" c="white">{source.problem === 'recovering' ? t('player.recovering') : t('player.preparing')}</Text>
          </div>
        )}
      </div>
      <Group justify="flex-end">
        {fullscreen.supported && (
          <Button variant="default" size="xs" onClick={fullscreen.toggle}>
            {fullscreen.active ? t('player.exitFullscreen') : t('player.fullscreen')}
          </Button>
        )}
      </Group>
      {source.problem === 'failed' && (
        <Alert color="red" role="alert">
          <Stack gap="xs">
            <Text size="sm">{t('player.cannotPlay')}</Text>
            <Button size="xs" variant="light" w="fit-content" onClick={source.retry}>{t('common:retry')}</Button>
          </Stack>
        </Alert>
      )}
      {heartbeats.kind === 'stopped' && (
        <Alert color="orange" role="alert">{t('player.stopped', { reason: problemText(t, heartbeats.error) })}</Alert>
      )}
      {heartbeats.kind === 'failing' && (
        <Alert color="yellow" role="status">{t('player.retrying', { reason: problemText(t, heartbeats.error) })}</Alert>
      )}
    </Stack>
  );
}

function useFullscreen(frame: RefObject<HTMLDivElement | null>) {
  const [active, setActive] = useState(false);
  useEffect(() => {
    const change = () => setActive(document.fullscreenElement !== null && document.fullscreenElement === frame.current);
    document.addEventListener('fullscreenchange', change);
    return () => document.removeEventListener('fullscreenchange', change);
  }, [frame]);
  const toggle = () => {
    if (document.fullscreenElement) void document.exitFullscreen().catch(() => undefined);
    else void frame.current?.requestFullscreen().catch(() => undefined);
  };
  return { supported: typeof document !== 'undefined' && document.fullscreenEnabled, active, toggle };
}
