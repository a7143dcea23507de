import dayjs from 'dayjs';
import { KOREA } from '../common/time';

export type YearMonth = { year: number; month: number };

/** The current month in Korea: the dashboards count months as Seoul's calendar does, wherever the manager is. */
export function koreaYearMonth(now: Date = new Date()): YearMonth {
  const korea = dayjs(now).tz(KOREA);
  return { year: korea.year(), month: korea.month() + 1 };
}

/** `YYYY-MM`, as the API's `month` parameter and the month rows are written. */
export function monthParam({ year, month }: YearMonth): string {
  return `${year}-${String(month).padStart(2, '0')}`;
}

/** Reads `YYYY-MM` (or a `YYYY-MM-DD` from a month picker) back; anything else is null. */
export function parseMonth(value: string | null | undefined): YearMonth | null {
  const match = /^(\d{4})-(\d{2})(?:-\d{2})?$/.exec(value ?? '');
  if (!match) return null;
  const month = Number(match[2]);
  return month >= 1 && month <= 12 ? { year: Number(match[1]), month } : null;
}

/** Years a picker offers: this Korean year back to `from` (the platform's first), newest first. */
export function yearChoices(current: number, from = 2020): number[] {
  const first = Math.min(from, current);
  return Array.from({ length: current - first + 1 }, (_, index) => current - index);
}

/** A year from the address (`?year=`), or this Korean year when it is missing or not a plausible year. */
export function yearFromParam(value: string | null, current: number): number {
  const year = Number(value);
  return Number.isInteger(year) && year >= 2000 && year <= 2100 ? year : current;
}
