import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc';
import timezone from 'dayjs/plugin/timezone';
import 'dayjs/locale/ko';

dayjs.extend(utc);
dayjs.extend(timezone);

/** The platform's dates and times are Korea's: a course runs "until 2026-12-31" in Seoul, wherever the learner is. */
export const KOREA = 'Asia/Seoul';

export function koreaDateTime(instant: string | Date, language = 'ko'): string {
  return dayjs(instant).tz(KOREA).locale(language).format(language === 'ko' ? 'YYYY. M. D. A h:mm' : 'YYYY-MM-DD HH:mm');
}

export function koreaDate(value: string | Date, language = 'ko'): string {
  // A bare `YYYY-MM-DD` is already a Korean calendar date: read it as such, not as midnight UTC.
  const day = typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) ? dayjs.tz(value, KOREA) : dayjs(value).tz(KOREA);
  return day.locale(language).format(language === 'ko' ? 'YYYY. M. D.' : 'YYYY-MM-DD');
}

export function koreaToday(): string {
  return dayjs().tz(KOREA).format('YYYY-MM-DD');
}
