import { describe, expect, it } from 'vitest';
import {
  CONFLICT_RETRY_MS, FAILURE_BACKOFF_MS, HeartbeatPlan, MIN_GAP_MS, PLAYING_INTERVAL_MS, SERVER_MIN_INTERVAL_MS, type Beat, type Outcome,
} from './heartbeatPlan';

const playing = (position: number) => ({ position, playing: true });
const paused = (position: number) => ({ position, playing: false });

/** Sends and answers at once, as a fast server would. */
function sendNow(plan: HeartbeatPlan, now: number, reading: { position: number; playing: boolean }, outcome: Outcome = { kind: 'ok' }): Beat | null {
  const beat = plan.next(now, reading);
  if (beat) plan.answered(now, outcome);
  return beat;
}

describe('heartbeat plan', () => {
  it('keeps more than the server’s minimum interval between beats', () => {
    expect(MIN_GAP_MS).toBeGreaterThan(SERVER_MIN_INTERVAL_MS);
  });

  it('sends nothing while the video has not played', () => {
    const plan = new HeartbeatPlan();
    expect(plan.next(0, paused(0))).toBeNull();
    expect(plan.wait(0, paused(0))).toBeNull();
  });

  it('anchors on play and then beats at the playing cadence', () => {
    const plan = new HeartbeatPlan();
    plan.play();
    expect(sendNow(plan, 0, playing(0))).toEqual({ positionSeconds: 0, playing: true });
    expect(plan.next(1000, playing(1))).toBeNull();
    expect(plan.wait(1000, playing(1))).toBe(PLAYING_INTERVAL_MS - 1000);
    expect(sendNow(plan, PLAYING_INTERVAL_MS, playing(5))).toEqual({ positionSeconds: 5, playing: true });
  });

  it('stops beating while paused, after saying so once', () => {
    const plan = new HeartbeatPlan();
    plan.play();
    sendNow(plan, 0, playing(0));
    plan.pause();
    expect(plan.next(3000, paused(3))).toEqual({ positionSeconds: 3, playing: false });
    plan.answered(3000, { kind: 'ok' });
    expect(plan.wait(3000, paused(3))).toBeNull();
    expect(plan.next(60_000, paused(3))).toBeNull();
  });

  it('never sends twice within the gap, even when events come quickly', () => {
    const plan = new HeartbeatPlan();
    plan.play();
    sendNow(plan, 0, playing(0));
    plan.pause();
    expect(plan.next(200, paused(0.2))).toBeNull();
    expect(plan.wait(200, paused(0.2))).toBe(MIN_GAP_MS - 200);
    plan.play();
    expect(plan.next(MIN_GAP_MS - 1, playing(1.4))).toBeNull();
    // The pause and the play become one beat with the player's state when it leaves.
    expect(plan.next(MIN_GAP_MS, playing(1.5))).toEqual({ positionSeconds: 1.5, playing: true });
  });

  it('counts the gap from the answer, not from sending', () => {
    const plan = new HeartbeatPlan();
    plan.play();
    expect(plan.next(0, playing(0))).not.toBeNull();
    plan.pause();
    expect(plan.next(800, paused(0.8))).toBeNull(); // still in flight
    expect(plan.wait(800, paused(0.8))).toBeNull(); // the answer reschedules
    plan.answered(900, { kind: 'ok' });
    expect(plan.next(900 + MIN_GAP_MS - 1, paused(0.8))).toBeNull();
    expect(plan.next(900 + MIN_GAP_MS, paused(0.8))).toEqual({ positionSeconds: 0.8, playing: false });
  });

  it('on a seek while playing first credits the stretch before it, then anchors at the new position', () => {
    const plan = new HeartbeatPlan();
    plan.play();
    sendNow(plan, 0, playing(0));
    plan.seek(3, 58);
    expect(plan.next(3000, playing(58))).toEqual({ positionSeconds: 3, playing: false });
    plan.answered(3000, { kind: 'ok' });
    expect(plan.next(3000 + MIN_GAP_MS, playing(59.5))).toEqual({ positionSeconds: 59.5, playing: true });
  });

  it('keeps the first position left when the learner scrubs through several seeks', () => {
    const plan = new HeartbeatPlan();
    plan.play();
    sendNow(plan, 0, playing(0));
    plan.seek(2, 20);
    plan.seek(20, 40);
    plan.seek(40, 10);
    expect(plan.next(3000, playing(10))).toEqual({ positionSeconds: 2, playing: false });
  });

  it('after a seek while paused only says where the player is', () => {
    const plan = new HeartbeatPlan();
    plan.seek(0, 30);
    expect(plan.next(0, paused(30))).toEqual({ positionSeconds: 30, playing: false });
  });

  it('takes a small jump (a source switch, the player settling) for no seek', () => {
    const plan = new HeartbeatPlan();
    plan.play();
    sendNow(plan, 0, playing(0));
    plan.seek(4, 4.3);
    expect(plan.next(4000, playing(4.3))).toBeNull();
  });

  it('beats at once when the tab is hidden and when the video ends', () => {
    const plan = new HeartbeatPlan();
    plan.play();
    sendNow(plan, 0, playing(0));
    plan.hidden();
    expect(sendNow(plan, 2000, playing(2))).toEqual({ positionSeconds: 2, playing: true });
    plan.ended();
    expect(plan.next(2000 + MIN_GAP_MS, paused(10))).toEqual({ positionSeconds: 10, playing: false });
  });

  it('says a pause once when the end comes with it', () => {
    const plan = new HeartbeatPlan();
    plan.play();
    sendNow(plan, 0, playing(0));
    plan.pause();
    expect(plan.next(12_000, paused(12))).toEqual({ positionSeconds: 12, playing: false });
    plan.ended();
    plan.answered(12_100, { kind: 'ok' });
    expect(plan.next(12_100 + MIN_GAP_MS, paused(12))).toBeNull();
    expect(plan.wait(12_100 + MIN_GAP_MS, paused(12))).toBeNull();
    // A seek while paused is news again.
    plan.seek(12, 3);
    expect(plan.next(20_000, paused(3))).toEqual({ positionSeconds: 3, playing: false });
  });

  it('retries a beat that lost a race once, after a short wait', () => {
    const plan = new HeartbeatPlan();
    plan.play();
    plan.next(0, playing(0));
    plan.answered(100, { kind: 'conflict' });
    expect(plan.next(100 + CONFLICT_RETRY_MS - 1, playing(1.5))).toBeNull();
    expect(plan.next(100 + CONFLICT_RETRY_MS, playing(1.6))).toEqual({ positionSeconds: 1.6, playing: true });
    plan.answered(1700, { kind: 'conflict' });
    // Dropped after the second loss: while paused nothing more goes.
    expect(plan.next(10_000, paused(2))).toBeNull();
  });

  it('retries the position left by a seek as it was', () => {
    const plan = new HeartbeatPlan();
    plan.play();
    sendNow(plan, 0, playing(0));
    plan.seek(3, 50);
    plan.next(3000, playing(50));
    plan.answered(3100, { kind: 'conflict' });
    expect(plan.next(3100 + CONFLICT_RETRY_MS, playing(51.5))).toEqual({ positionSeconds: 3, playing: false });
  });

  it('waits as long as a 429 asks and carries on', () => {
    const plan = new HeartbeatPlan();
    plan.play();
    plan.next(0, playing(0));
    plan.answered(100, { kind: 'too-frequent', retryAfterMs: 3000 });
    expect(plan.next(3000, playing(3))).toBeNull();
    expect(plan.next(3100, playing(3.1))).toEqual({ positionSeconds: 3.1, playing: true });
  });

  it('stops for good when the server says nothing more is credited', () => {
    const plan = new HeartbeatPlan();
    plan.play();
    plan.next(0, playing(0));
    plan.answered(100, { kind: 'stop' });
    expect(plan.stopped).toBe(true);
    plan.play();
    expect(plan.next(60_000, playing(60))).toBeNull();
    expect(plan.wait(60_000, playing(60))).toBeNull();
  });

  it('backs off after a failure and then says where the player is', () => {
    const plan = new HeartbeatPlan();
    plan.play();
    sendNow(plan, 0, playing(0));
    plan.pause();
    plan.next(2000, paused(2));
    plan.answered(2100, { kind: 'failed' });
    expect(plan.next(2100 + FAILURE_BACKOFF_MS - 1, paused(2))).toBeNull();
    expect(plan.next(2100 + FAILURE_BACKOFF_MS, paused(2))).toEqual({ positionSeconds: 2, playing: false });
  });

  it('leaving while playing sends a paused beat if the server would take it', () => {
    const plan = new HeartbeatPlan();
    plan.play();
    sendNow(plan, 0, playing(0));
    expect(plan.leave(500, playing(0.5))).toBeNull();
    expect(plan.leave(4000, playing(4))).toEqual({ positionSeconds: 4, playing: false });
  });

  it('leaving owes nothing once the server knows the video is paused', () => {
    const plan = new HeartbeatPlan();
    plan.play();
    sendNow(plan, 0, playing(0));
    plan.pause();
    sendNow(plan, MIN_GAP_MS, paused(1.5));
    expect(plan.leave(10_000, paused(1.5))).toBeNull();
  });

  it('plays a whole video at the cadence without a beat closer than the gap', () => {
    const plan = new HeartbeatPlan();
    const sent: number[] = [];
    plan.play();
    for (let now = 0; now <= 30_000; now += 250) {
      const position = now / 1000;
      if (now === 12_000) plan.seek(position, position + 5);
      if (plan.next(now, playing(position))) {
        sent.push(now);
        plan.answered(now + 100, { kind: 'ok' });
      }
    }
    for (let i = 1; i < sent.length; i++) expect(sent[i] - sent[i - 1]).toBeGreaterThanOrEqual(MIN_GAP_MS);
    expect(sent.length).toBeGreaterThanOrEqual(30 / (PLAYING_INTERVAL_MS / 1000));
  });
});
