import { Alert, Anchor, Box, Button, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useBlocker, useParams } from 'react-router';
import { api } from '../../api/clients';
import { call } from '../../api/call';
import { isProblem } from '../../api/problem';
import { QueryState } from '../../common/QueryState';
import { problemText } from '../../common/problemText';
import { usePageTitle } from '../../common/usePageTitle';
import { AudioMixer } from './broadcast/AudioMixer';
import { Compositor } from './broadcast/Compositor';
import { DevicePanel } from './broadcast/DevicePanel';
import { HealthPanel } from './broadcast/HealthPanel';
import type { Corner } from './broadcast/insetLayout';
import { pickFormat } from './broadcast/recorderFormat';
import { useMediaDevices } from './broadcast/useMediaDevices';
import { useIvsBroadcast } from './broadcast/useIvsBroadcast';
import { useRelayBroadcast } from './broadcast/useRelayBroadcast';
import { ConfirmModal } from './ConfirmModal';
import { studioKeys, useSession, type Session } from './queries';
import { StateBadge } from './StateBadge';

export function BroadcastPage() {
  const { sessionId = '' } = useParams();
  const [watching, setWatching] = useState(false);
  // While a broadcast runs the session's state (SCHEDULED → LIVE → ENDED) is followed.
  const query = useSession(sessionId, watching ? 3000 : undefined);
  return <QueryState query={query}>{(session) => <Studio session={session} onWatch={setWatching} />}</QueryState>;
}

function Studio({ session, onWatch }: { session: Session; onWatch: (watch: boolean) => void }) {
  const { t } = useTranslation('studio');
  usePageTitle(t('broadcast.title', { title: session.title }));
  const relay = useQuery({
    queryKey: studioKeys.relay(session.id),
    queryFn: () => call(api.live.GET('/live/v1/sessions/{id}/broadcast/relay', { params: { path: { id: session.id } } })),
    staleTime: Infinity,
    retry: false,
  });
  const devices = useMediaDevices();
  const canvas = useRef<HTMLCanvasElement>(null);
  const [compositor, setCompositor] = useState<Compositor | null>(null);
  const [mixer, setMixer] = useState<AudioMixer | null>(null);
  const [muted, setMuted] = useState(false);
  const [corner, setCorner] = useState<Corner>('bottom-right');
  const [level, setLevel] = useState(0);
  const [stopping, stopDialog] = useDisclosure(false);

  useEffect(() => {
    const created = new Compositor(canvas.current!);
    const audio = new AudioMixer();
    setCompositor(created);
    setMixer(audio);
    return () => {
      created.dispose();
      audio.dispose();
    };
  }, []);
  useEffect(() => compositor?.setCamera(devices.camera), [compositor, devices.camera]);
  useEffect(() => compositor?.setScreen(devices.screen), [compositor, devices.screen]);
  useEffect(() => {
    if (!compositor) return;
    compositor.corner = corner;
    compositor.slate = t('broadcast.slate');
  }, [compositor, corner, t]);
  useEffect(() => mixer?.setMicrophone(devices.microphone), [mixer, devices.microphone]);
  useEffect(() => mixer?.setMuted(muted), [mixer, muted]);
  useEffect(() => {
    if (!mixer) return;
    const meter = setInterval(() => setLevel(mixer.level()), 100);
    return () => clearInterval(meter);
  }, [mixer]);

  const format = useMemo(() => relay.data && typeof MediaRecorder !== 'undefined'
    ? pickFormat(relay.data.formats, (type) => MediaRecorder.isTypeSupported(type)) : null, [relay.data]);
  const media = useCallback(() => compositor && mixer
    ? { video: compositor.stream().getVideoTracks()[0], audio: mixer.track } : null, [compositor, mixer]);
  // An installation on AWS IVS has no relay (its check says so): the page broadcasts with IVS's own web SDK instead.
  const ivs = isProblem(relay.error, 'browser-broadcast-unavailable');
  const relayed = useRelayBroadcast(session.id, relay.data, format, media);
  const direct = useIvsBroadcast(session.id, ivs, media);
  const { status, start, stop } = ivs ? direct : relayed;
  const on = status.phase === 'connecting' || status.phase === 'sending' || status.phase === 'stopping';

  const settled = session.state === 'ENDED' || session.state === 'CANCELLED';
  useEffect(() => onWatch(status.phase !== 'idle' && !settled), [onWatch, status.phase, settled]);
  useEffect(() => {
    if (!on) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [on]);
  const blocker = useBlocker(on);

  const refusal = relay.error && !ivs && status.phase === 'idle' ? relayRefusal(t, relay.error, session.state) : null;
  const failure = status.failure === undefined ? null
    : status.failure === 'connect' ? t('broadcast.connectFailed') : relayRefusal(t, status.failure, session.state);
  // A broadcast that ended before the session went live (the ingest refused it, the connection dropped) may be tried again.
  const startable = (status.phase === 'idle' || (status.phase === 'ended' && session.state === 'SCHEDULED'))
    && (ivs ? session.state === 'SCHEDULED' : !!relay.data && !!format) && !!compositor;

  return (
    <Stack gap="md">
      <Anchor component={Link} to={`/inst/live/${session.id}`} size="sm">{t('broadcast.backToSession')}</Anchor>
      <Group gap="sm" align="center">
        <Title order={1}>{t('broadcast.title', { title: session.title })}</Title>
        <StateBadge state={session.state} />
      </Group>
      <Text c="dimmed" size="sm">{t('broadcast.intro')}</Text>
      {ivs && <Alert color="blue" role="status">{t('broadcast.viaIvs')}</Alert>}
      {refusal && <Alert color="orange" role="alert">{refusal}</Alert>}
      {relay.data && !format && <Alert color="orange" role="alert">{t('broadcast.noFormat')}</Alert>}
      {failure && <Alert color="red" role="alert">{failure}</Alert>}
      {status.ended && <Alert color={status.ended === 'stopped' ? 'blue' : 'red'} role="status">{t(`close.${status.ended}`)}</Alert>}

      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
        <Stack gap="sm">
          <Title order={2} size="h4">{t('broadcast.preview')}</Title>
          <Box bg="black" style={{ aspectRatio: '16 / 9', width: '100%' }}>
            <canvas ref={canvas} role="img" aria-label={t('broadcast.previewLabel')} style={{ width: '100%', height: '100%', display: 'block' }} />
          </Box>
          <Group>
            {on
              ? <Button color="red" loading={status.phase !== 'sending'} onClick={stopDialog.open}>{t('broadcast.stop')}</Button>
              : <Button disabled={!startable} onClick={() => { mixer?.resume(); void start(); }}>{t('broadcast.start')}</Button>}
            <Button component={Link} to={`/inst/live/${session.id}/host`} target="_blank" rel="noopener" variant="default">{t('broadcast.host')}</Button>
          </Group>
          {on && <Text size="sm" c="red.8">{t('broadcast.leaveWarning')}</Text>}
        </Stack>
        <Stack gap="md">
          <DevicePanel devices={devices} muted={muted} onMuted={setMuted} corner={corner} onCorner={setCorner} level={level}
            onAllow={() => { mixer?.resume(); void devices.allow(); }} />
          <HealthPanel status={status} sessionState={session.state} format={ivs ? null : format} transport={ivs ? 'ivs' : 'relay'} />
        </Stack>
      </SimpleGrid>

      <ConfirmModal opened={stopping} title={t('broadcast.stopTitle')} body={t('broadcast.stopBody')} confirm={t('broadcast.stopConfirm')}
        keep={t('broadcast.keep')} onConfirm={() => { stopDialog.close(); stop(); }} onClose={stopDialog.close} />
      <ConfirmModal opened={blocker.state === 'blocked'} title={t('broadcast.stopTitle')} body={t('broadcast.leaveWarning')}
        confirm={t('broadcast.stopConfirm')} keep={t('broadcast.keep')} onConfirm={() => blocker.proceed?.()} onClose={() => blocker.reset?.()} />
    </Stack>
  );
}

/** Why the relay would not take a broadcast now, in the studio's words where it has them. */
function relayRefusal(t: TFunction, error: unknown, state: string): string {
  if (isProblem(error, 'broadcast-in-progress')) return t('studio:broadcast.inProgress');
  if (isProblem(error, 'session-state')) return t('studio:broadcast.notScheduled', { state: t(`studio:states.${state}`) });
  return problemText(t, error);
}
