import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc';

dayjs.extend(utc);

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A calendar date `n` days after `date` (both `YYYY-MM-DD`: calendar days, so no time zone can shift them). */
export function addDays(date: string, n: number): string {
  return dayjs.utc(date, 'YYYY-MM-DD').add(n, 'day').format('YYYY-MM-DD');
}

/** The first end date that gives the course its full period: the period counts the begin and end days both. */
export function earliestEnd(begin: string, periodDays: number): string {
  return addDays(begin, Math.max(1, periodDays) - 1);
}

/** The form's first dates: starting tomorrow in Korea (a request takes a while to be accepted), for exactly the course's period. */
export function defaultDates(koreaToday: string, periodDays: number): { beginDate: string; endDate: string } {
  const beginDate = addDays(koreaToday, 1);
  return { beginDate, endDate: earliestEnd(beginDate, periodDays) };
}

export const MAX_SEATS = 10_000;

export type RequestFields = { beginDate: string; endDate: string; seats: number | string };

export type RequestProblems = {
  beginDate?: 'required' | 'past';
  endDate?: 'required' | 'beforeBegin' | 'tooShort';
  seats?: 'seatsRange';
};

/** The request rule of DOMAIN.md, checked before sending so the person hears it at once (the server checks again). */
export function requestProblems(fields: RequestFields, koreaToday: string, periodDays: number): RequestProblems {
  const problems: RequestProblems = {};
  const begin = DATE.test(fields.beginDate) ? fields.beginDate : null;
  const end = DATE.test(fields.endDate) ? fields.endDate : null;
  if (!begin) problems.beginDate = 'required';
  else if (begin < koreaToday) problems.beginDate = 'past';
  if (!end) problems.endDate = 'required';
  else if (begin && end < begin) problems.endDate = 'beforeBegin';
  else if (begin && end < earliestEnd(begin, periodDays)) problems.endDate = 'tooShort';
  const seats = typeof fields.seats === 'number' ? fields.seats : Number.NaN;
  if (!Number.isInteger(seats) || seats < 1 || seats > MAX_SEATS) problems.seats = 'seatsRange';
  return problems;
}
