import { describe, expect, it } from 'vitest';
import { heartbeatDelay } from './heartbeat';

describe('presence heartbeats', () => {
  it('beats at once on joining, then every 15 s', () => {
    expect(heartbeatDelay({ lastSentAt: null, now: 1_000, visible: true, active: true })).toBe(0);
    expect(heartbeatDelay({ lastSentAt: 1_000, now: 1_000, visible: true, active: true })).toBe(15_000);
    expect(heartbeatDelay({ lastSentAt: 1_000, now: 10_000, visible: true, active: true })).toBe(6_000);
  });

  it('stops while the page is hidden and resumes at once when it is shown again after a long absence', () => {
    expect(heartbeatDelay({ lastSentAt: 1_000, now: 5_000, visible: false, active: true })).toBeNull();
    expect(heartbeatDelay({ lastSentAt: 1_000, now: 90_000, visible: true, active: true })).toBe(0);
  });

  it('keeps 15 s between beats when the page is shown again soon after one', () => {
    expect(heartbeatDelay({ lastSentAt: 1_000, now: 4_000, visible: true, active: true })).toBe(12_000);
  });

  it('sends nothing before joining or once the session is over', () => {
    expect(heartbeatDelay({ lastSentAt: null, now: 0, visible: true, active: false })).toBeNull();
  });
});
