import dayjs from 'dayjs';
import { KOREA } from '../../common/time';

/**
 * A session's times are entered as Korea's wall-clock time in a `datetime-local` field, whatever the lecturer's own
 * time zone, and sent as UTC instants.
 */
export function toKoreaInput(instant: string): string {
  return dayjs(instant).tz(KOREA).format('YYYY-MM-DDTHH:mm');
}

/** The UTC instant of a `YYYY-MM-DDTHH:mm` read in Korea time, or null when the field is not a complete time. */
export function fromKoreaInput(value: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(value)) return null;
  const local = dayjs.tz(value, 'YYYY-MM-DDTHH:mm', KOREA);
  return local.isValid() ? local.toISOString() : null;
}

/** The longest session the platform schedules, in hours (the live service refuses longer ones). */
export const MAX_SESSION_HOURS = 12;

/** What is wrong with a start and end, as a `studio:form.*` key, or null when they make a session. */
export function timesProblem(start: string | null, end: string | null): 'startRequired' | 'endRequired' | 'endBeforeStart' | 'tooLong' | null {
  if (!start) return 'startRequired';
  if (!end) return 'endRequired';
  const minutes = dayjs(end).diff(dayjs(start), 'minute');
  if (minutes <= 0) return 'endBeforeStart';
  if (minutes > MAX_SESSION_HOURS * 60) return 'tooLong';
  return null;
}
