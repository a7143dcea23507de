import { useEffect, useReducer } from 'react';
import { nextTickMs, secondsLeft } from './serverClock';

/** Seconds left until `endsAt` on the server's clock, re-rendered as each second passes. */
export function useSecondsLeft(endsAt: string | null, offsetMs: number): number {
  const [, tick] = useReducer((count: number) => count + 1, 0);
  const left = endsAt ? secondsLeft(endsAt, Date.now(), offsetMs) : 0;
  useEffect(() => {
    if (!endsAt) return;
    const delay = nextTickMs(endsAt, Date.now(), offsetMs);
    if (delay === null) return;
    const timer = window.setTimeout(tick, delay);
    return () => window.clearTimeout(timer);
  }, [endsAt, offsetMs, left]);
  return left;
}
