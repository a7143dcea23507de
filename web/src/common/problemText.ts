import type { TFunction } from 'i18next';
import { ProblemError } from '../api/problem';

/** A wait in words: "30초", "5분". */
export function waitText(t: TFunction, seconds: number): string {
  return seconds < 90
    ? t('common:time.seconds', { count: Math.max(1, Math.ceil(seconds)) })
    : t('common:time.minutes', { count: Math.ceil(seconds / 60) });
}

/** What to tell a person about a failed call: the problem type in words, with the wait when the server gave one. */
export function problemText(t: TFunction, error: unknown): string {
  if (!(error instanceof ProblemError)) return t('common:problem.unknown');
  const wait = error.retryAfter === undefined ? undefined : waitText(t, error.retryAfter);
  if (error.kind === 'rate-limited' && wait === undefined) return t('common:problem.rate-limited-now');
  const key = `common:problem.${error.kind}`;
  if (t(key, { defaultValue: '' }) !== '') return t(key, { wait: wait ?? '', interpolation: { escapeValue: false } });
  // An unknown type still gets words by its status, never the raw number.
  const byStatus = new ProblemError(error.status, {}).kind;
  return t(`common:problem.${byStatus}`, { wait: wait ?? '', defaultValue: t('common:problem.unknown') });
}

/**
 * Field errors of a 400 keyed by the lower-camel field name the form uses, each introduced in the reader's language
 * (the server's own sentence follows: it names the exact rule).
 */
export function fieldErrors(t: TFunction, error: unknown): Record<string, string> {
  if (!(error instanceof ProblemError) || Object.keys(error.errors).length === 0) return {};
  return Object.fromEntries(Object.entries(error.errors).map(([field, messages]) => [
    field.charAt(0).toLowerCase() + field.slice(1), t('common:problem.field', { message: messages.join(' ') }),
  ]));
}
