/**
 * The quiz closes by the server's clock (`endsAt`), so a countdown reads the server's time, not the device's. The
 * offset is estimated from an answer's `Date` header (whole seconds) against the middle of the request's round trip;
 * under a second it is within that header's own precision and taken as none.
 */
export function serverOffsetMs(dateHeader: string | null, sentAt: number, receivedAt: number): number {
  if (!dateHeader) return 0;
  const serverSecond = Date.parse(dateHeader);
  if (Number.isNaN(serverSecond)) return 0;
  // The header is truncated to its second: the server's moment was, on average, half a second later.
  const offset = serverSecond + 500 - (sentAt + receivedAt) / 2;
  return Math.abs(offset) < 1_000 ? 0 : Math.round(offset);
}

/** Whole seconds left until `endsAt` on the server's clock, never below zero. */
export function secondsLeft(endsAt: string, now: number, offsetMs: number): number {
  return Math.max(0, Math.ceil((Date.parse(endsAt) - (now + offsetMs)) / 1000));
}

/** Milliseconds until the shown number of seconds changes, so a countdown ticks on the second boundary. */
export function nextTickMs(endsAt: string, now: number, offsetMs: number): number | null {
  const left = Date.parse(endsAt) - (now + offsetMs);
  if (left <= 0) return null;
  return left % 1000 || 1000;
}
