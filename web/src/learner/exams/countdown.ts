/**
 * The exam clock. The server keeps the deadline; the page never counts down on its own, it recomputes what is left
 * from the deadline and the (corrected) current time on every tick, so a sleeping laptop or a slow tab cannot drift.
 */

/** Whole seconds left until the deadline, never negative. */
export function remainingSeconds(deadlineMs: number, nowMs: number): number {
  return Math.max(0, Math.ceil((deadlineMs - nowMs) / 1000));
}

/** `mm:ss`, or `h:mm:ss` from an hour up. */
export function clockText(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  const hours = Math.floor(s / 3600);
  const minutes = Math.floor((s % 3600) / 60);
  const rest = s % 60;
  const two = (n: number) => String(n).padStart(2, '0');
  return hours > 0 ? `${hours}:${two(minutes)}:${two(rest)}` : `${two(minutes)}:${two(rest)}`;
}

/**
 * The minutes a screen reader is told are left: it changes once a minute (at 4:00 it becomes 4), so announcing on
 * each change speaks once a minute instead of every second. 0 once the time is up.
 */
export function spokenMinutes(seconds: number): number {
  return Math.ceil(Math.max(0, seconds) / 60);
}

/** Whether the minute to speak differs from the one spoken last (`null`: nothing spoken yet). */
export function shouldAnnounce(lastSpoken: number | null, seconds: number): boolean {
  return lastSpoken !== spokenMinutes(seconds);
}

export type Urgency = 'calm' | 'soon' | 'last-minute' | 'over';

/** How the clock looks: a warning colour from five minutes, a stronger one in the last minute. */
export function urgency(seconds: number): Urgency {
  if (seconds <= 0) return 'over';
  if (seconds <= 60) return 'last-minute';
  if (seconds <= 300) return 'soon';
  return 'calm';
}

/**
 * Milliseconds to the next moment the shown second changes, so each tick lands just after a whole second of the
 * remaining time instead of wherever an interval timer happens to fire.
 */
export function nextTickDelay(deadlineMs: number, nowMs: number): number {
  const left = deadlineMs - nowMs;
  if (left <= 0) return 1000;
  const intoSecond = left % 1000;
  return (intoSecond === 0 ? 1000 : intoSecond) + 5;
}

/**
 * How far the server's clock is ahead of this device's, from a response's `Date` header: the header has whole
 * seconds (truncated), so its middle is taken, compared with the middle of the request's round trip. A device within
 * 1.5 s of the server is trusted as it is, so a well-set clock is not nudged by the header's coarseness.
 */
export function serverOffsetMs(dateHeader: string | null | undefined, sentAtMs: number, receivedAtMs: number): number {
  if (!dateHeader) return 0;
  const server = Date.parse(dateHeader);
  if (Number.isNaN(server)) return 0;
  const offset = server + 500 - (sentAtMs + receivedAtMs) / 2;
  return Math.abs(offset) < 1500 ? 0 : Math.round(offset);
}
