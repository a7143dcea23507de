/**
 * A presigned file URL lives five minutes (content's `PlaybackLifetime`). The player asks for a fresh one a minute
 * before the old one ends, timed on the server's clock: `expiresAt` is the server's, and a learner's laptop clock may
 * be minutes off, so the lifetime is measured against the answer's `Date` header and counted from when it arrived.
 */
export const REFRESH_LEAD_MS = 60_000;
/** However the clocks read, never ask again sooner than this. */
export const MIN_REFRESH_MS = 10_000;

export function refreshDelayMs(expiresAt: string, serverDate: string | null, receivedAt: number): number {
  const expires = Date.parse(expiresAt);
  const serverNow = serverDate ? Date.parse(serverDate) : Number.NaN;
  const issuedAt = Number.isNaN(serverNow) ? receivedAt : serverNow;
  if (Number.isNaN(expires)) return MIN_REFRESH_MS;
  return Math.max(MIN_REFRESH_MS, expires - issuedAt - REFRESH_LEAD_MS);
}
