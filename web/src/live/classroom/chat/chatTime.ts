import dayjs from 'dayjs';
import { KOREA } from '../../../common/time';

/** A chat message's time of day in Korea: "오후 2:05" / "14:05". */
export function koreaClock(instant: string, language: string): string {
  return dayjs(instant).tz(KOREA).locale(language).format(language === 'ko' ? 'A h:mm' : 'HH:mm');
}
