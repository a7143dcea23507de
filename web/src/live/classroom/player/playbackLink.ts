/**
 * A playback link is signed for this viewer and valid for 5 minutes (docs/API.md, "Playback links"). The page asks
 * the session for a fresh one a minute before expiry; the player keeps playing and every request it makes from then
 * on is sent under the fresh signature, so nothing is reloaded and nothing stalls.
 */
export const refreshMarginMs = 60_000;
const soonestRefreshMs = 5_000;

/** Milliseconds until a fresh link should be fetched, on the server's clock. */
export function refreshDelayMs(expiresAt: string, now: number, offsetMs: number): number {
  const left = Date.parse(expiresAt) - (now + offsetMs);
  if (left <= 0) return 0;
  return Math.max(Math.min(soonestRefreshMs, left / 2), left - refreshMarginMs);
}

function directoryOf(url: string): string {
  const withoutQuery = url.split(/[?#]/, 1)[0];
  return withoutQuery.slice(0, withoutQuery.lastIndexOf('/') + 1);
}

/**
 * The address to request instead of `requested`, under the current link's signature. nginx signs a directory
 * (`…/hls/{token}/{expires}/{viewer}/`) and the playlist's segments sit beside the playlist in it, so everything under
 * the loaded link's directory moves to the current one; the loaded link itself (IVS signs it in its query) becomes
 * the current link. Other addresses (IVS's own signed renditions) are left as they are.
 */
export function underCurrentSignature(requested: string, loaded: string, current: string): string {
  if (loaded === current) return requested;
  if (requested === loaded) return current;
  const from = directoryOf(loaded);
  const to = directoryOf(current);
  return from !== to && requested.startsWith(from) ? to + requested.slice(from.length) : requested;
}

/** Waits between attempts to bring a failed stream back (the first playlist may not exist for a second after LIVE). */
export function recoveryDelayMs(attempt: number): number | null {
  return [1_000, 1_000, 2_000, 2_000, 3_000, 5_000, 5_000, 8_000, 10_000, 15_000][attempt] ?? null;
}
