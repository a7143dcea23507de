/** Pages of a `{items, page, size, total}` list, as the board's address keeps them (`?page=`). */

export function pageCount(total: number, size: number): number {
  return Math.max(1, Math.ceil(Math.max(0, total) / Math.max(1, size)));
}

/** A page number from the address: a whole number from 1, anything else is the first page. */
export function pageFromParam(value: string | null): number {
  if (!value || !/^\d{1,6}$/.test(value)) return 1;
  return Math.max(1, Number(value));
}

/** The tab from the address: notices unless it names the Q&A. */
export function typeFromParam(value: string | null): 'NOTICE' | 'QUESTION' {
  return value === 'QUESTION' ? 'QUESTION' : 'NOTICE';
}

/** Whether text is worth sending: the service trims titles, and a title or body of spaces is no content. */
export function hasText(value: string): boolean {
  return value.trim().length > 0;
}
