import { describe, expect, it } from 'vitest';
import { statusColor } from './statusColor';

describe('statusColor', () => {
  it('gives each status a dark shade white text reads on, an unknown one the failure\'s', () => {
    expect(['SUCCEEDED', 'PENDING', 'NO_SPEECH', 'FAILED', 'TIMED_OUT', 'NEW'].map(statusColor))
      .toEqual(['teal.9', 'blue.8', 'gray.8', 'red.9', 'red.9', 'red.9']);
  });
});
