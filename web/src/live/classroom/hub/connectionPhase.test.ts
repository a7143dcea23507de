import { describe, expect, it } from 'vitest';
import { bannerOf, initialPhase, maxRestarts, nextPhase, reconnectDelay, restartDelay, type ConnectionEvent, type ConnectionPhase } from './connectionPhase';

const run = (events: ConnectionEvent[], from: ConnectionPhase = initialPhase) => events.reduce(nextPhase, from);

describe('the classroom connection', () => {
  it('joins after connecting and only then may act', () => {
    const joining = run([{ type: 'connected' }]);
    expect(joining).toEqual({ kind: 'joining', lostSince: null });
    expect(run([{ type: 'joined' }], joining)).toEqual({ kind: 'joined' });
  });

  it('rejoins after SignalR reconnects, keeping the banner until the rejoin completes', () => {
    const lost = run([{ type: 'connected' }, { type: 'joined' }, { type: 'lost', at: 1_000 }]);
    expect(lost).toEqual({ kind: 'reconnecting', lostSince: 1_000, restarts: 0 });
    const rejoining = nextPhase(lost, { type: 'connected' });
    expect(rejoining).toEqual({ kind: 'joining', lostSince: 1_000 });
    expect(bannerOf(rejoining, 3_000, 800)).toBe('reconnecting');
    const back = nextPhase(rejoining, { type: 'joined' });
    expect(bannerOf(back, 3_000, 800)).toBe('none');
  });

  it('shows no banner for a loss shorter than the grace (the token renewal\'s reconnect)', () => {
    const lost = run([{ type: 'connected' }, { type: 'joined' }, { type: 'lost', at: 1_000 }]);
    expect(bannerOf(lost, 1_500, 800)).toBe('none');
    expect(bannerOf(lost, 1_800, 800)).toBe('reconnecting');
  });

  it('restarts a closed connection with growing waits, then stops and offers a retry', () => {
    let phase = run([{ type: 'connected' }, { type: 'joined' }]);
    const delays: (number | null)[] = [];
    for (let i = 0; i < maxRestarts; i++) {
      phase = nextPhase(phase, { type: 'closed', at: 5_000 + i });
      delays.push(restartDelay(phase));
    }
    expect(delays).toEqual([1_000, 2_000, 5_000, 10_000, 20_000]);
    expect(phase).toMatchObject({ kind: 'reconnecting', lostSince: 5_000 });
    phase = nextPhase(phase, { type: 'closed', at: 60_000 });
    expect(phase).toEqual({ kind: 'stopped', refusal: null });
    expect(bannerOf(phase, 60_000, 800)).toBe('stopped');
    expect(nextPhase(phase, { type: 'retry' })).toEqual({ kind: 'connecting' });
  });

  it('stops for good when the join is refused for a reason joining again cannot cure', () => {
    const refused = run([{ type: 'connected' }, { type: 'joinFailed', refusal: 'access-ended' }]);
    expect(refused).toEqual({ kind: 'stopped', refusal: 'access-ended' });
    expect(run([{ type: 'retry' }, { type: 'closed', at: 1 }, { type: 'connected' }], refused)).toBe(refused);
  });

  it('lets a throttled join be tried again, and leaves a join cut by the connection to the close', () => {
    const throttled = run([{ type: 'connected' }, { type: 'joinFailed', refusal: 'too-many-joins' }]);
    expect(nextPhase(throttled, { type: 'retry' })).toEqual({ kind: 'connecting' });
    const joining = run([{ type: 'connected' }]);
    expect(nextPhase(joining, { type: 'joinFailed', refusal: 'connection' })).toBe(joining);
  });

  it('reconnects at once, then backs off to 15 s with jitter, never giving up', () => {
    expect(reconnectDelay(0, 0)).toBe(0);
    expect(reconnectDelay(0, 1)).toBe(500);
    expect(reconnectDelay(1, 0)).toBe(1_000);
    expect(reconnectDelay(4, 1)).toBe(13_000);
    expect(reconnectDelay(50, 0)).toBe(15_000);
    expect(reconnectDelay(50, 1)).toBe(19_500);
  });
});
