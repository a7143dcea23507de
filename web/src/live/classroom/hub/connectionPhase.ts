import { isFinalRefusal, type HubRefusal } from './hubRefusal';

/**
 * Where the page's classroom connection stands. A new connection has joined nothing (docs/API.md), so every
 * (re)connection goes through `joining` before the page may act; `lostSince` keeps the moment the connection was lost
 * until the rejoin completes, so the "reconnecting" banner covers the rejoin too.
 */
export type ConnectionPhase =
  | { kind: 'connecting' }
  | { kind: 'joining'; lostSince: number | null }
  | { kind: 'joined' }
  | { kind: 'reconnecting'; lostSince: number; restarts: number }
  | { kind: 'stopped'; refusal: HubRefusal | null };

export type ConnectionEvent =
  /** The transport is up: the first start, SignalR's own reconnect, or a restart of ours. */
  | { type: 'connected' }
  | { type: 'joined' }
  | { type: 'joinFailed'; refusal: HubRefusal }
  /** SignalR lost the connection and is reconnecting by itself. */
  | { type: 'lost'; at: number }
  /** The connection is closed for good (the server closed it, or a start failed): a restart of ours is due. */
  | { type: 'closed'; at: number }
  /** Try again from scratch: a restart timer fired, the browser came back online, or the person asked. */
  | { type: 'retry' };

/** Restarts after a close, before the page stops and offers a button instead. */
export const maxRestarts = 5;
const restartDelays = [1_000, 2_000, 5_000, 10_000, 20_000];

export const initialPhase: ConnectionPhase = { kind: 'connecting' };

export function nextPhase(phase: ConnectionPhase, event: ConnectionEvent): ConnectionPhase {
  switch (event.type) {
    case 'connected':
      if (phase.kind === 'stopped') return phase;
      return { kind: 'joining', lostSince: phase.kind === 'reconnecting' ? phase.lostSince : null };
    case 'joined':
      return phase.kind === 'joining' ? { kind: 'joined' } : phase;
    case 'joinFailed':
      // A join cut short by the connection itself is followed by `lost` or `closed`, which decide.
      if (event.refusal === 'connection') return phase;
      return { kind: 'stopped', refusal: event.refusal };
    case 'lost':
      if (phase.kind === 'stopped') return phase;
      return { kind: 'reconnecting', lostSince: lostSince(phase) ?? event.at, restarts: 0 };
    case 'closed': {
      if (phase.kind === 'stopped') return phase;
      const restarts = phase.kind === 'reconnecting' ? phase.restarts + 1 : 1;
      if (restarts > maxRestarts) return { kind: 'stopped', refusal: null };
      return { kind: 'reconnecting', lostSince: lostSince(phase) ?? event.at, restarts };
    }
    case 'retry':
      if (phase.kind === 'stopped' && phase.refusal !== null && isFinalRefusal(phase.refusal)) return phase;
      return phase.kind === 'reconnecting' ? phase : { kind: 'connecting' };
  }
}

function lostSince(phase: ConnectionPhase): number | null {
  return phase.kind === 'reconnecting' || phase.kind === 'joining' ? phase.lostSince : null;
}

/** How long to wait before restarting a closed connection; null when nothing is to be restarted. */
export function restartDelay(phase: ConnectionPhase): number | null {
  if (phase.kind !== 'reconnecting' || phase.restarts === 0) return null;
  return restartDelays[Math.min(phase.restarts, restartDelays.length) - 1];
}

/**
 * SignalR's own reconnect schedule: at once, then backing off to 15 s, and never giving up while the page is open
 * (a learner leaves the class open through a network change). The jitter spreads a whole class reconnecting after a
 * server restart.
 */
export function reconnectDelay(previousRetryCount: number, random: number): number {
  const base = [0, 1_000, 2_000, 5_000, 10_000][previousRetryCount] ?? 15_000;
  return Math.round(base + (base === 0 ? 500 : base * 0.3) * random);
}

export type Banner = 'none' | 'reconnecting' | 'stopped';

/**
 * What the page shows about the connection. A loss shorter than `graceMs` (the routine reconnect when the access token
 * is renewed) passes without a banner.
 */
export function bannerOf(phase: ConnectionPhase, now: number, graceMs: number): Banner {
  if (phase.kind === 'stopped') return 'stopped';
  const since = lostSince(phase);
  return since !== null && now - since >= graceMs ? 'reconnecting' : 'none';
}

/** The page sends chat, answers and heartbeats only while joined. */
export function isJoined(phase: ConnectionPhase): boolean {
  return phase.kind === 'joined';
}
