/** Presence: one heartbeat every 15 s while the page is visible (docs/API.md); the hub allows 8 a minute per connection. */
export const heartbeatIntervalMs = 15_000;

export type HeartbeatInput = {
  /** When the last heartbeat went out on this connection, or null for none yet. */
  lastSentAt: number | null;
  now: number;
  visible: boolean;
  /** Joined, and the session is still open (the hub refuses heartbeats once it ended). */
  active: boolean;
};

/**
 * Milliseconds until the next heartbeat is due, or null when none should be sent. A page coming back into view
 * reports at once if the last one is 15 s old, so a learner who switched tabs is counted present again without
 * waiting, and never sooner than 15 s after the previous one.
 */
export function heartbeatDelay({ lastSentAt, now, visible, active }: HeartbeatInput): number | null {
  if (!visible || !active) return null;
  if (lastSentAt === null) return 0;
  return Math.max(0, lastSentAt + heartbeatIntervalMs - now);
}
