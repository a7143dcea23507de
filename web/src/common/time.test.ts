import { describe, expect, it } from 'vitest';
import { koreaDate, koreaDateTime } from './time';

describe('Korea time', () => {
  it('shows an instant in Seoul, the next day for a late UTC evening', () => {
    expect(koreaDateTime('2026-12-07T15:30:00Z', 'en')).toBe('2026-12-08 00:30');
    expect(koreaDateTime('2026-12-07T15:30:00Z', 'ko')).toBe('2026. 12. 8. 오전 12:30');
  });

  it('keeps a calendar date the same day', () => {
    expect(koreaDate('2026-12-31', 'ko')).toBe('2026. 12. 31.');
    expect(koreaDate('2026-01-01', 'en')).toBe('2026-01-01');
  });
});
