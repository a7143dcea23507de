import { useCallback, useEffect, useRef, useState } from 'react';
import { api } from '../../../api/clients';
import { call } from '../../../api/call';
import type { RelayInfo } from '../queries';
import { ChunkGate } from './chunkGate';
import { closeKind, relayUrl, type CloseKind } from './relayClose';
import { bitrateKbps, healthOf, trimSamples, type Health, type HealthSample } from './streamHealth';

export type Phase = 'idle' | 'connecting' | 'sending' | 'stopping' | 'ended';

/** What the socket may hold before chunks are dropped: about three seconds of the recorder's output. */
export const BUFFER_LIMIT = 1_000_000;
/** A chunk four times a second keeps the delay the relay adds small. */
const TIMESLICE_MS = 250;
const VIDEO_BITS_PER_SECOND = 2_500_000;
const AUDIO_BITS_PER_SECOND = 128_000;

export type BroadcastStatus = {
  phase: Phase;
  health: Health;
  kbps: number;
  dropped: number;
  queuedBytes: number;
  /** Why the broadcast ended, once it did. */
  ended?: CloseKind;
  /** Why it could not start: a refusal from the relay's check, or the connection failing. */
  failure?: unknown;
};

// Chromium makes a keyframe this often when asked (others ignore the option): a dropped chunk then costs at most a second.
type RecorderOptions = MediaRecorderOptions & { videoKeyFrameIntervalDuration?: number };

/**
 * The broadcast itself: a WebSocket to the session's relay and a MediaRecorder on the composed picture and the mixed
 * microphone, its chunks passed through the back-pressure gate. The stream's health is sampled every second.
 */
export function useRelayBroadcast(sessionId: string, relay: RelayInfo | undefined, format: string | null,
  media: () => { video: MediaStreamTrack; audio: MediaStreamTrack } | null) {
  const [status, setStatus] = useState<BroadcastStatus>({ phase: 'idle', health: 'offline', kbps: 0, dropped: 0, queuedBytes: 0 });
  const socket = useRef<WebSocket | null>(null);
  const recorder = useRef<MediaRecorder | null>(null);
  const sampler = useRef<ReturnType<typeof setInterval> | undefined>(undefined);

  const finish = useCallback((patch: Partial<BroadcastStatus>) => {
    clearInterval(sampler.current);
    if (recorder.current?.state === 'recording') recorder.current.stop();
    recorder.current = null;
    socket.current = null;
    setStatus((s) => ({ ...s, phase: 'ended', health: 'offline', queuedBytes: 0, ...patch }));
  }, []);

  const start = useCallback(async () => {
    const tracks = media();
    if (!relay || !format || !tracks) return;
    setStatus({ phase: 'connecting', health: 'offline', kbps: 0, dropped: 0, queuedBytes: 0 });
    try {
      // Asked again right before the upgrade: it renews an expired sign-in cookie, and a browser is never told why a
      // WebSocket handshake failed, so refusals (another window broadcasting, the session gone live) come from here.
      await call(api.live.GET('/live/v1/sessions/{id}/broadcast/relay', { params: { path: { id: sessionId } } }));
    } catch (failure) {
      setStatus((s) => ({ ...s, phase: 'idle', failure }));
      return;
    }

    const ws = new WebSocket(relayUrl(window.location, sessionId));
    socket.current = ws;
    const gate = new ChunkGate(BUFFER_LIMIT, relay.maxMessageBytes);
    let samples: HealthSample[] = [];
    let opened = false;

    ws.onopen = () => {
      opened = true;
      const options: RecorderOptions = {
        mimeType: format, videoBitsPerSecond: VIDEO_BITS_PER_SECOND, audioBitsPerSecond: AUDIO_BITS_PER_SECOND, videoKeyFrameIntervalDuration: 1000,
      };
      const rec = new MediaRecorder(new MediaStream([tracks.video, tracks.audio]), options);
      recorder.current = rec;
      rec.ondataavailable = (event) => {
        if (ws.readyState !== WebSocket.OPEN) return;
        for (const [begin, end] of gate.offer(event.data.size, ws.bufferedAmount)) {
          ws.send(begin === 0 && end === event.data.size ? event.data : event.data.slice(begin, end));
        }
      };
      // The last chunk arrives before "stop": only then is the stream complete and the socket closed.
      rec.onstop = () => {
        if (ws.readyState === WebSocket.OPEN) ws.close(1000, 'stopped');
      };
      rec.start(TIMESLICE_MS);
      sampler.current = setInterval(() => {
        samples = trimSamples([...samples, { at: performance.now(), handed: gate.handed, buffered: ws.bufferedAmount, dropped: gate.dropped }]);
        setStatus((s) => ({
          ...s,
          health: healthOf(ws.readyState === WebSocket.OPEN, samples, BUFFER_LIMIT),
          kbps: bitrateKbps(samples),
          dropped: gate.dropped,
          queuedBytes: ws.bufferedAmount,
        }));
      }, 1000);
      setStatus((s) => ({ ...s, phase: 'sending', health: 'starting' }));
    };
    ws.onclose = (event) => {
      if (opened) {
        finish({ ended: closeKind(event.code) });
        return;
      }
      // Refused at the handshake: ask the relay's check why, in words.
      void call(api.live.GET('/live/v1/sessions/{id}/broadcast/relay', { params: { path: { id: sessionId } } }))
        .then(() => ({ failure: 'connect' as unknown }), (failure: unknown) => ({ failure }))
        .then(({ failure }) => {
          socket.current = null;
          setStatus((s) => ({ ...s, phase: 'idle', failure }));
        });
    };
  }, [finish, format, media, relay, sessionId]);

  /** Ends the stream cleanly: the recorder hands over its last chunk, then the socket closes. */
  const stop = useCallback(() => {
    setStatus((s) => ({ ...s, phase: 'stopping' }));
    if (recorder.current?.state === 'recording') {
      recorder.current.stop();
    } else {
      socket.current?.close(1000, 'stopped');
    }
  }, []);

  // Leaving the page stops the broadcast (and so ends the session; the page warns before).
  useEffect(() => () => {
    clearInterval(sampler.current);
    if (recorder.current?.state === 'recording') recorder.current.stop();
    socket.current?.close(1000, 'left');
  }, []);

  return { status, start, stop };
}
