import { Alert, Button, Group, Loader, Stack, Text } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { recoveryDelayMs, underCurrentSignature } from './playbackLink';
import classes from './LivePlayer.module.css';

type Props = {
  /** The newest signed link; a fresh one replaces it before it expires, and playback carries on under it. */
  url: string;
  title: string;
  /** Asks the session again for a link (after a failure); null when it has none (the session is no longer live). */
  freshLink: () => Promise<string | null>;
};

type Status = 'loading' | 'playing' | 'waiting' | 'recovering' | 'failed' | 'unsupported';

/**
 * The live stream through hls.js (the light build, loaded with the classroom) tuned for low latency on 1-second
 * fragments. Every request hls.js makes goes out under the newest link's signature, so renewing the link reloads
 * nothing. Where MediaSource is missing (older iPhones) the browser's own HLS plays it instead.
 */
export function LivePlayer({ url, title, freshLink }: Props) {
  const { t } = useTranslation('live');
  const video = useRef<HTMLVideoElement>(null);
  const current = useRef(url);
  const freshLinkRef = useRef(freshLink);
  const [status, setStatus] = useState<Status>('loading');
  const [mutedByBrowser, setMutedByBrowser] = useState(false);
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    current.current = url;
    freshLinkRef.current = freshLink;
  });

  useEffect(() => {
    const element = video.current;
    if (!element) return;
    let cancelled = false;
    let timer: number | undefined;
    let destroy = () => undefined as void;

    const play = async () => {
      try {
        await element.play();
      } catch (error) {
        // Browsers refuse sound without a gesture: play silently and offer the sound.
        if (!(error instanceof DOMException && error.name === 'NotAllowedError') || cancelled) return;
        element.muted = true;
        setMutedByBrowser(true);
        await element.play().catch(() => undefined);
      }
    };

    void import('hls.js/light').then(({ default: Hls }) => {
      if (cancelled) return;
      if (!Hls.isSupported()) {
        if (!element.canPlayType('application/vnd.apple.mpegurl')) {
          setStatus('unsupported');
          return;
        }
        // The browser's own player cannot be re-signed request by request: it takes the newest link when the
        // previous one fails.
        const onError = () => {
          if (element.src !== current.current) element.src = current.current;
        };
        element.addEventListener('error', onError);
        element.src = current.current;
        void play();
        destroy = () => element.removeEventListener('error', onError);
        return;
      }

      let loaded = current.current;
      let attempt = 0;
      const hls = new Hls({
        liveSyncDurationCount: 2,
        liveMaxLatencyDurationCount: 5,
        maxLiveSyncPlaybackRate: 1.5,
        backBufferLength: 30,
        xhrSetup: (xhr, requested) => {
          const target = underCurrentSignature(requested, loaded, current.current);
          if (target !== requested) xhr.open('GET', target, true);
        },
      });
      hls.on(Hls.Events.MANIFEST_PARSED, () => void play());
      hls.on(Hls.Events.FRAG_BUFFERED, () => {
        attempt = 0;
        if (!element.paused) setStatus('playing');
      });
      hls.on(Hls.Events.ERROR, (_event, data) => {
        if (!data.fatal || cancelled) return;
        if (data.type === Hls.ErrorTypes.MEDIA_ERROR) {
          hls.recoverMediaError();
          return;
        }
        // A playlist not written yet (the first second after LIVE), an expired link, a dropped network: ask for a
        // fresh link and load again, a number of times before saying the video cannot be played.
        const delay = recoveryDelayMs(attempt++);
        if (delay === null) {
          setStatus('failed');
          return;
        }
        setStatus('recovering');
        window.clearTimeout(timer);
        // Only a refused link (403, 410) needs a new one; a playlist not there yet or a lost network needs a retry.
        const refused = [401, 403, 410].includes(data.response?.code ?? 0);
        timer = window.setTimeout(() => {
          void (refused ? freshLinkRef.current().catch(() => null) : Promise.resolve(current.current)).then((link) => {
            if (cancelled || !link) return;
            loaded = link;
            hls.loadSource(link);
            hls.startLoad();
          });
        }, delay);
      });
      hls.attachMedia(element);
      hls.loadSource(loaded);
      destroy = () => hls.destroy();
    });

    return () => {
      cancelled = true;
      window.clearTimeout(timer);
      destroy();
    };
  }, [generation]);

  const unmute = () => {
    const element = video.current;
    if (!element) return;
    element.muted = false;
    setMutedByBrowser(false);
    void element.play().catch(() => undefined);
  };

  return (
    <Stack gap="xs">
      <div className={classes.frame}>
        <video
          ref={video}
          className={classes.video}
          controls
          playsInline
          autoPlay
          aria-label={t('player.label', { title })}
          onPlaying={() => setStatus('playing')}
          onWaiting={() => setStatus((now) => (now === 'recovering' ? now : 'waiting'))}
        />
        {(status === 'loading' || status === 'waiting' || status === 'recovering') && (
          <div className={classes.overlay} aria-hidden="true">
            <Loader size="sm" color="white" />
            <Text size="sm" c="white">{status === 'recovering' ? t('player.recovering') : t('player.preparing')}</Text>
          </div>
        )}
      </div>
      {mutedByBrowser && (
        <Group gap="xs">
          <Text size="sm">{t('player.mutedByBrowser')}</Text>
          <Button size="xs" onClick={unmute}>{t('player.unmute')}</Button>
        </Group>
      )}
      {status === 'unsupported' && <Alert color="red" variant="light" role="alert">{t('player.unsupported')}</Alert>}
      {status === 'failed' && (
        <Alert color="red" variant="light" role="alert">
          <Group justify="space-between" gap="xs">
            <Text size="sm">{t('player.failed')}</Text>
            <Button size="xs" variant="default" onClick={() => { setStatus('loading'); setGeneration((n) => n + 1); }}>{t('player.retry')}</Button>
          </Group>
        </Alert>
      )}
    </Stack>
  );
}
