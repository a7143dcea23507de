import { useCallback, useEffect } from 'react';
import type { SessionView } from '../useLiveSession';
import { refreshDelayMs } from './playbackLink';

/** How soon to ask again when the hub said LIVE but the session read gave no link yet (a read racing the start). */
const missingLinkRetryMs = 2_000;

/**
 * Keeps a LIVE session's playback link fresh: the session is read again a minute before the link expires (the player
 * carries on under the new one), and soon again while the hub says LIVE but no link came. Gives the player a way to
 * ask for a fresh link after a refusal.
 */
export function usePlaybackLink(view: SessionView, state: string, readSession: () => Promise<SessionView | null>) {
  const { session, offsetMs } = view;
  const live = state === 'LIVE';
  const expiresAt = live ? session.playbackExpiresAt : null;
  const missing = live && !session.playbackUrl;

  useEffect(() => {
    if (!expiresAt && !missing) return;
    const delay = expiresAt ? refreshDelayMs(expiresAt, Date.now(), offsetMs) : missingLinkRetryMs;
    const timer = window.setTimeout(() => void readSession(), delay);
    return () => window.clearTimeout(timer);
  }, [expiresAt, missing, offsetMs, readSession, view]);

  const freshLink = useCallback(async () => (await readSession())?.session.playbackUrl ?? null, [readSession]);
  return { url: live ? session.playbackUrl : null, freshLink };
}
