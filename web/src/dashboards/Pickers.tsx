import { Select } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { monthParam, yearChoices, type YearMonth } from './koreaCalendar';

/** Years up to this Korean year; the value is the year as a number. */
export function YearSelect({ value, current, onChange }: { value: number; current: number; onChange: (year: number) => void }) {
  const { t } = useTranslation('dashboards');
  return (
    <Select
      label={t('common.year')}
      w={160}
      data={yearChoices(current).map((year) => ({ value: String(year), label: String(year) }))}
      value={String(value)}
      onChange={(next) => next && onChange(Number(next))}
      allowDeselect={false}
      comboboxProps={{ withinPortal: true }}
    />
  );
}

/** The last three years of months, newest (this Korean month) first; the value is `YYYY-MM`. */
export function MonthSelect({ value, current, onChange }: { value: string; current: YearMonth; onChange: (month: string) => void }) {
  const { t, i18n } = useTranslation('dashboards');
  const months = Array.from({ length: 36 }, (_, back) => {
    const index = current.year * 12 + (current.month - 1) - back;
    const month = { year: Math.floor(index / 12), month: (index % 12) + 1 };
    const date = new Date(Date.UTC(month.year, month.month - 1, 1));
    const label = new Intl.DateTimeFormat(i18n.language === 'en' ? 'en-US' : 'ko-KR', { year: 'numeric', month: 'long', timeZone: 'UTC' }).format(date);
    return { value: monthParam(month), label };
  });
  return (
    <Select
      label={t('common.month')}
      w={180}
      data={months}
      value={value}
      onChange={(next) => next && onChange(next)}
      allowDeselect={false}
      maxDropdownHeight={280}
    />
  );
}
