import { describe, expect, it } from 'vitest';
import { koreaYearMonth, monthParam, parseMonth, yearChoices, yearFromParam } from './koreaCalendar';

describe('koreaYearMonth', () => {
  it('is already next month in Seoul on the evening of the last day in UTC', () => {
    expect(koreaYearMonth(new Date('2026-12-31T15:30:00Z'))).toEqual({ year: 2027, month: 1 });
    expect(koreaYearMonth(new Date('2026-12-31T14:59:59Z'))).toEqual({ year: 2026, month: 12 });
  });
});

describe('monthParam and parseMonth', () => {
  it('write and read YYYY-MM', () => {
    expect(monthParam({ year: 2026, month: 3 })).toBe('2026-03');
    expect(parseMonth('2026-03')).toEqual({ year: 2026, month: 3 });
    expect(parseMonth('2026-11-01')).toEqual({ year: 2026, month: 11 });
  });

  it('refuse what is not a month', () => {
    expect(parseMonth('2026-13')).toBeNull();
    expect(parseMonth('2026-00')).toBeNull();
    expect(parseMonth('march')).toBeNull();
    expect(parseMonth(null)).toBeNull();
  });
});

describe('yearChoices', () => {
  it('lists this year back to the first, newest first', () => {
    expect(yearChoices(2026, 2023)).toEqual([2026, 2025, 2024, 2023]);
  });

  it('still offers this year when the clock says it is before the first', () => {
    expect(yearChoices(2019, 2020)).toEqual([2019]);
  });
});

describe('yearFromParam', () => {
  it('keeps a plausible year from the address and otherwise uses this year', () => {
    expect(yearFromParam('2025', 2026)).toBe(2025);
    expect(yearFromParam(null, 2026)).toBe(2026);
    expect(yearFromParam('20x5', 2026)).toBe(2026);
    expect(yearFromParam('1999', 2026)).toBe(2026);
  });
});
