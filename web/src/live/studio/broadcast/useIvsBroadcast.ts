import { useCallback, useEffect, useRef, useState } from 'react';
import type { AmazonIVSBroadcastClient } from 'amazon-ivs-web-broadcast';
import { api } from '../../../api/clients';
import { call } from '../../../api/call';
import { ivsHealth, ivsIngestEndpoint } from './ivsIngest';
import type { BroadcastStatus } from './useRelayBroadcast';

/**
 * The broadcast on an installation that streams with AWS IVS: the composed picture and the mixed microphone go to the
 * channel through Amazon's web broadcast SDK (WebRTC), loaded only when a lecturer starts. Unlike the local relay the
 * stream key reaches this page — the SDK signs in to the channel with it — and is held in memory only for the call.
 */
export function useIvsBroadcast(sessionId: string, enabled: boolean,
  media: () => { video: MediaStreamTrack; audio: MediaStreamTrack } | null) {
  const [status, setStatus] = useState<BroadcastStatus>({ phase: 'idle', health: 'offline', kbps: 0, dropped: 0, queuedBytes: 0 });
  const client = useRef<AmazonIVSBroadcastClient | null>(null);

  const release = useCallback(() => {
    client.current?.stopBroadcast();
    client.current?.delete();
    client.current = null;
  }, []);

  const start = useCallback(async () => {
    const tracks = media();
    if (!enabled || !tracks) return;
    setStatus({ phase: 'connecting', health: 'starting', kbps: 0, dropped: 0, queuedBytes: 0 });
    try {
      const settings = await call(api.live.GET('/live/v1/sessions/{id}/broadcast', { params: { path: { id: sessionId } } }));
      const endpoint = ivsIngestEndpoint(settings.ingestUrl);
      if (!endpoint) throw new Error('not an IVS ingest');
      const { default: IVSBroadcastClient } = await import('amazon-ivs-web-broadcast');
      const created = IVSBroadcastClient.create({ streamConfig: IVSBroadcastClient.STANDARD_LANDSCAPE, ingestEndpoint: endpoint });
      client.current = created;
      // The client's typings declare its callbacks without arguments; the state arrives as the first one.
      created.on(IVSBroadcastClient.BroadcastClientEvents.CONNECTION_STATE_CHANGE, (...args: unknown[]) => {
        const health = ivsHealth(String(args[0]));
        setStatus((s) => ({ ...s, health, phase: health === 'offline' && s.phase !== 'connecting' ? 'ended' : s.phase }));
      });
      // The compositor's canvas is the one video input (the inset is drawn there already), the mixer the one audio input.
      await created.addVideoInputDevice(new MediaStream([tracks.video]), 'composed', { index: 0 });
      await created.addAudioInputDevice(new MediaStream([tracks.audio]), 'microphone');
      await created.startBroadcast(settings.streamKey);
      setStatus((s) => ({ ...s, phase: 'sending' }));
    } catch (failure) {
      release();
      setStatus((s) => ({ ...s, phase: 'idle', health: 'offline', failure: failure instanceof Error && failure.message === 'not an IVS ingest' ? 'connect' : failure }));
    }
  }, [enabled, media, release, sessionId]);

  const stop = useCallback(() => {
    release();
    setStatus((s) => ({ ...s, phase: 'ended', health: 'offline', ended: 'stopped' }));
  }, [release]);

  useEffect(() => release, [release]);

  return { status, start, stop };
}
