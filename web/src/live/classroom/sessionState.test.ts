import { describe, expect, it } from 'vitest';
import { currentState } from './sessionState';

describe('the state shown', () => {
  it('is the one further along, whichever arrived first', () => {
    expect(currentState('SCHEDULED', 'LIVE')).toBe('LIVE');
    expect(currentState('ENDED', 'LIVE')).toBe('ENDED');
    expect(currentState('LIVE', 'ENDED')).toBe('ENDED');
    expect(currentState('SCHEDULED', 'CANCELLED')).toBe('CANCELLED');
  });

  it('is the read one until the hub has spoken', () => {
    expect(currentState('LIVE', null)).toBe('LIVE');
  });
});
