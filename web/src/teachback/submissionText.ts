import type { TFunction } from 'i18next';
import { ProblemError } from '../api/problem';
import { problemText, waitText } from '../common/problemText';
import { koreaDateTime } from '../common/time';
import { StorageError } from './upload';

/**
 * Why an explanation was not accepted, in words: the day's quota with the Korean midnight it resets at, the submissions
 * still being scored with the wait, what the content service found wrong with a recording, or any other refusal.
 * `t` is the teachback namespace's.
 */
export function submitRefusalText(t: TFunction, error: unknown, language: string, recording: boolean): string {
  if (error instanceof StorageError) return t(error.kind === 'etag-hidden' ? 'refusal.etagHidden' : 'refusal.storage');
  if (!(error instanceof ProblemError)) return problemText(t, error);
  const limit = typeof error.body.limit === 'number' ? error.body.limit : undefined;
  if (error.kind === 'teachback-quota-exhausted') {
    const resetsAt = typeof error.body.resetsAt === 'string' ? error.body.resetsAt : undefined;
    return resetsAt && limit !== undefined
      ? t('refusal.quota', { limit, time: koreaDateTime(resetsAt, language) })
      : t('refusal.quotaNoTime');
  }
  if (error.kind === 'teachback-too-many-pending' && limit !== undefined) {
    return t('refusal.pending', { limit, wait: waitText(t, error.retryAfter ?? 3) });
  }
  if (error.status === 404) return t(recording ? 'refusal.recordingUnknown' : 'refusal.topicGone');
  const own = t(`refusal.${error.kind}`, { defaultValue: '' });
  return own || problemText(t, error);
}

/** The reason a submission ended without a score, in the reader's words when it is one the service is known to give. */
export function reasonText(t: TFunction, reason: string | null | undefined): string | null {
  if (!reason) return null;
  // Looked up in the whole table: a provider's reason may hold dots or colons, which a key path would split on.
  const known = t('result.reasons', { returnObjects: true }) as unknown as Record<string, string>;
  return known[reason.trim()] ?? reason;
}
