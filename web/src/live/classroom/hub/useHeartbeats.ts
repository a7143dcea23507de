import { useEffect, useRef } from 'react';
import { heartbeatDelay } from './heartbeat';

/** Presence for attendance: heartbeats while `active` (joined, session open) and the page is visible. */
export function useHeartbeats(send: () => Promise<void>, active: boolean) {
  const sendRef = useRef(send);
  useEffect(() => {
    sendRef.current = send;
  });

  useEffect(() => {
    if (!active) return;
    let lastSentAt: number | null = null;
    let timer: number | undefined;
    const schedule = () => {
      window.clearTimeout(timer);
      const delay = heartbeatDelay({ lastSentAt, now: Date.now(), visible: document.visibilityState === 'visible', active });
      if (delay !== null) timer = window.setTimeout(beat, delay);
    };
    const beat = () => {
      lastSentAt = Date.now();
      // A refused heartbeat (the session just ended, a throttle) is not the learner's business: the next one follows.
      void sendRef.current().catch(() => undefined);
      schedule();
    };
    document.addEventListener('visibilitychange', schedule);
    schedule();
    return () => {
      window.clearTimeout(timer);
      document.removeEventListener('visibilitychange', schedule);
    };
  }, [active]);
}
