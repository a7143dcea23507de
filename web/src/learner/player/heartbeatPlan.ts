/**
 * When the video player reports its position to the student service. The server measures progress itself: between two
 * heartbeats it credits the stretch played forward from the earlier position, never more than the wall-clock time
 * that passed, nothing after a beat that said "paused", nothing for a gap over 60 s, and it refuses a beat that comes
 * less than a second after the previous one on the same item (429 `heartbeat-too-frequent`,
 * `HeartbeatCredit.MinimumInterval` in services/Student). So the player sends:
 *
 * - every {@link PLAYING_INTERVAL_MS} while playing, never while paused;
 * - at once on play, pause, seek, end and when the tab is hidden (the stretch watched so far is credited by the next
 *   beat, and a beat that says "paused" keeps the time away from being counted);
 * - before a seek while playing, one beat at the position left, marked paused: it credits what was watched up to the
 *   seek, and the beat at the new position then earns nothing for the jump;
 * - never two beats at once, and the next one only {@link MIN_GAP_MS} after the previous answer arrived. The server
 *   stamps a beat on arrival, somewhere between our sending it and its answer, so a gap measured from the answer is at
 *   least that long on the server's clock too.
 *
 * Pure: the caller gives the time and the player's state and sends what {@link HeartbeatPlan.next} returns.
 */
export type Beat = { positionSeconds: number; playing: boolean };

/** What the player shows now. */
export type Reading = { position: number; playing: boolean };

/** How the server answered a beat. */
export type Outcome =
  | { kind: 'ok' }
  /** 409 `concurrent-progress`: another change of the learner's progress won; the beat is tried once more. */
  | { kind: 'conflict' }
  /** 429 `heartbeat-too-frequent` (another window on the same item, a clock jump): wait and carry on. */
  | { kind: 'too-frequent'; retryAfterMs?: number }
  /** Nothing more will be credited here (`not-learning`, `video-not-measured`, the item is gone). */
  | { kind: 'stop' }
  /** The network or the server failed: try again later. */
  | { kind: 'failed' };

/** The server refuses a second beat on an item within this (`HeartbeatCredit.MinimumInterval`). */
export const SERVER_MIN_INTERVAL_MS = 1000;
/** Half a second of margin over the server's minimum for timers that fire late or early. */
export const MIN_GAP_MS = SERVER_MIN_INTERVAL_MS + 500;
/** Far inside the server's 60-second gap, and fine-grained enough that the progress shown keeps moving. */
export const PLAYING_INTERVAL_MS = 5000;
/** The short wait before the one retry of a beat that lost a race (409 `concurrent-progress`). */
export const CONFLICT_RETRY_MS = 1500;
/** After a failure the next beat waits this long, so a server in trouble is not hammered. */
export const FAILURE_BACKOFF_MS = 5000;
/** A jump shorter than this is the player settling (or a source switch), not a learner seeking. */
export const SEEK_TOLERANCE_SECONDS = 1;
/** A paused player this close to where the server last saw it paused has not moved (pause and end come together). */
const STILL_SECONDS = 0.05;

export class HeartbeatPlan {
  private inFlight: Beat | null = null;
  private inFlightWasFixed = false;
  private inFlightIsRetry = false;
  private lastSentAt: number | null = null;
  private notBefore = 0;
  /** The playing flag of the last beat sent: a seek matters only when the server thinks the video is playing. */
  private reportedPlaying = false;
  /** The last beat the server took: a paused player that has not moved since owes nothing more. */
  private acknowledged: Beat | null = null;
  /** A beat whose position was decided when it was asked for (the position left by a seek). */
  private fixed: Beat | null = null;
  /** A beat with the player's state at the time it is sent. */
  private wanted = false;
  private retryNext = false;
  private stoppedFlag = false;

  get stopped(): boolean {
    return this.stoppedFlag;
  }

  play(): void {
    this.wanted = true;
  }

  pause(): void {
    this.wanted = true;
  }

  ended(): void {
    this.wanted = true;
  }

  hidden(): void {
    this.wanted = true;
  }

  seek(from: number, to: number): void {
    if (Math.abs(to - from) < SEEK_TOLERANCE_SECONDS) return;
    // Credit what was watched up to the seek; a stretch already waiting to be sent stays as it is.
    if (this.reportedPlaying && !this.fixed) this.fixed = { positionSeconds: from, playing: false };
    this.wanted = true;
  }

  /** The beat to send now, or null. A returned beat is in flight until {@link answered}. */
  next(now: number, reading: Reading): Beat | null {
    if (this.stoppedFlag || this.inFlight || now < this.notBefore) return null;
    if (this.fixed) {
      const beat = this.fixed;
      this.fixed = null;
      return this.send(beat, now, true);
    }
    const due = reading.playing && (this.lastSentAt === null || now - this.lastSentAt >= PLAYING_INTERVAL_MS);
    if (!this.wanted && !due) return null;
    this.wanted = false;
    if (!reading.playing && this.acknowledged && !this.acknowledged.playing
      && Math.abs(this.acknowledged.positionSeconds - reading.position) < STILL_SECONDS) return null;
    return this.send({ positionSeconds: reading.position, playing: reading.playing }, now, false);
  }

  /** Milliseconds until {@link next} may have a beat, or null when nothing is waiting (an answer or an event is). */
  wait(now: number, reading: Reading): number | null {
    if (this.stoppedFlag || this.inFlight) return null;
    const allowed = Math.max(0, this.notBefore - now);
    if (this.fixed || this.wanted) return allowed;
    if (!reading.playing) return null;
    const due = this.lastSentAt === null ? 0 : this.lastSentAt + PLAYING_INTERVAL_MS - now;
    return Math.max(allowed, due, 0);
  }

  /** The last beat when the player goes away (another page, a closed tab), if one is owed and the server would take it. */
  leave(now: number, reading: Reading): Beat | null {
    if (this.stoppedFlag || this.inFlight || now < this.notBefore) return null;
    if (!this.reportedPlaying && !this.fixed && !this.wanted) return null;
    const fixed = this.fixed;
    this.fixed = null;
    this.wanted = false;
    return fixed ? this.send(fixed, now, true) : this.send({ positionSeconds: reading.position, playing: false }, now, false);
  }

  answered(now: number, outcome: Outcome): void {
    const beat = this.inFlight;
    const wasFixed = this.inFlightWasFixed;
    const wasRetry = this.inFlightIsRetry;
    this.inFlight = null;
    this.inFlightIsRetry = false;
    if (!beat) return;
    switch (outcome.kind) {
      case 'ok':
        this.reportedPlaying = beat.playing;
        this.acknowledged = beat;
        this.notBefore = now + MIN_GAP_MS;
        return;
      case 'conflict':
        // The server kept nothing of this beat; its anchor is still the previous one.
        this.notBefore = now + Math.max(CONFLICT_RETRY_MS, MIN_GAP_MS);
        if (wasRetry) return;
        this.retryNext = true;
        if (wasFixed) this.fixed = this.fixed ?? beat;
        else this.wanted = true;
        return;
      case 'too-frequent':
        this.notBefore = now + Math.max(outcome.retryAfterMs ?? 0, MIN_GAP_MS);
        if (wasFixed) this.fixed = this.fixed ?? beat;
        else this.wanted = true;
        return;
      case 'stop':
        this.stoppedFlag = true;
        this.fixed = null;
        this.wanted = false;
        return;
      case 'failed':
        this.notBefore = now + FAILURE_BACKOFF_MS;
        // Whether the server kept it is unknown; the next beat says where the player is, whichever it was.
        this.wanted = true;
        return;
    }
  }

  private send(beat: Beat, now: number, fixed: boolean): Beat {
    this.inFlight = beat;
    this.inFlightWasFixed = fixed;
    this.inFlightIsRetry = this.retryNext;
    this.retryNext = false;
    this.lastSentAt = now;
    return beat;
  }
}
