/** How often the host page asks for the recording's state (it is not pushed), and for how long after the end. */
export const recordingPollMs = 5_000;
export const recordingPatienceMs = 15 * 60_000;

type Watched = { state: string; endedAt: string | null; recording?: { state: string } | null };

/**
 * Milliseconds until the session is read again for its recording, or false to stop: only for an ENDED session whose
 * recording is not READY or FAILED yet, and not forever (a stream that was never recorded has none coming).
 */
export function recordingRefetch(session: Watched | undefined, now: number): number | false {
  if (!session || session.state !== 'ENDED') return false;
  const recording = session.recording?.state;
  if (recording === 'READY' || recording === 'FAILED') return false;
  const endedAt = session.endedAt ? Date.parse(session.endedAt) : now;
  return now - endedAt < recordingPatienceMs ? recordingPollMs : false;
}

/** Whether the wait is over without a recording: nothing arrived in the time one takes. */
export function recordingOverdue(session: Watched, now: number): boolean {
  return session.state === 'ENDED' && !session.recording && !!session.endedAt && now - Date.parse(session.endedAt) >= recordingPatienceMs;
}
