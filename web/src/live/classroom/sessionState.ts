// A session only moves forward: SCHEDULED → LIVE → ENDED, or SCHEDULED → CANCELLED.
const order: Record<string, number> = { SCHEDULED: 0, LIVE: 1, ENDED: 2, CANCELLED: 2 };

/**
 * The state to show from the session as last read and as last pushed by the hub: whichever is further along, since
 * either may arrive first (the host's own end answers before the hub's push; a push before the page's read).
 */
export function currentState(read: string, pushed: string | null | undefined): string {
  if (!pushed) return read;
  return (order[pushed] ?? -1) >= (order[read] ?? -1) ? pushed : read;
}
