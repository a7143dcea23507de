/** True when a table has no row, or every number the chart would draw is zero: the page says so in words instead. */
export function nothingToShow<T>(rows: readonly T[], values: readonly (keyof T)[]): boolean {
  return rows.every((row) => values.every((key) => {
    const value = row[key];
    return value === null || value === undefined || value === 0;
  }));
}

/** A number as the tables show it: at most two decimals, grouped the Korean way; null is an empty figure. */
export function figure(value: number | null | undefined, language: string): string | null {
  if (value === null || value === undefined) return null;
  return new Intl.NumberFormat(language === 'en' ? 'en-US' : 'ko-KR', { maximumFractionDigits: 2 }).format(value);
}
