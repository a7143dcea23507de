import type { TFunction } from 'i18next';
import { ProblemError } from '../../api/problem';
import { problemText } from '../../common/problemText';
import { StorageError } from '../../common/storagePut';
import type { FileRefusal } from './fileRules';

// The content service's refusals of an upload (services/Content/Uploads/UploadEndpoints.cs), each with its own words.
const KNOWN = ['file-type', 'not-media', 'size-mismatch', 'upload-expired', 'upload-gone', 'upload-state', 'part-number', 'not-found', 'forbidden'];

/** Why an upload stopped, in the reader's words: the storage, the service's problem type, or a size over the cap. */
export function uploadProblemText(t: TFunction, error: unknown): string {
  if (error instanceof StorageError) return t(`instCourses:upload.problem.${error.kind === 'etag-hidden' ? 'etagHidden' : 'storage'}`);
  if (error instanceof ProblemError) {
    if (error.status === 400 && error.errors.size) return t('instCourses:upload.problem.tooBig', { detail: error.errors.size.join(' ') });
    if (error.status === 400 && Object.keys(error.errors).some((field) => field.startsWith('parts'))) return t('instCourses:upload.problem.parts');
    if (KNOWN.includes(error.kind)) return t(`instCourses:upload.problem.${error.kind}`);
  }
  return problemText(t, error);
}

/** A file refused before anything was sent. */
export function refusalText(t: TFunction, refusal: FileRefusal, expected: string): string {
  switch (refusal.reason) {
    case 'wrong-kind': return t('instCourses:upload.refusal.wrongKind', { expected, actual: t(`instCourses:kinds.${refusal.fileKind}`) });
    case 'too-big': return t('instCourses:upload.refusal.tooBig', { size: refusal.maxMiB >= 1024 ? `${refusal.maxMiB / 1024} GiB` : `${refusal.maxMiB} MiB` });
    case 'empty': return t('instCourses:upload.refusal.empty');
    default: return t('instCourses:upload.refusal.unsupported');
  }
}
