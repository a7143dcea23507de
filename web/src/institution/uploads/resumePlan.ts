import type { components } from '../../api/generated/content';
import { partRange } from '../../common/uploadPlan';

type UploadStatus = components['schemas']['UploadStatus'];
type PartUrl = components['schemas']['PartUrl'];
type CompletedPart = components['schemas']['CompletedPart'];

/**
 * What this browser remembers of an unfinished upload so it can be taken up again after a reload or a lost
 * connection: the upload's id (not a secret: every call on it needs the uploader's own sign-in) and who the file was,
 * so the person can be asked for the same one. Never the bytes, never a URL.
 */
export type PendingUpload = {
  uploadId: string;
  /** Where the upload belongs on its page, e.g. `cover` or a builder item's key. */
  slot: string;
  courseId: string;
  purpose: string;
  name: string;
  size: number;
  lastModified: number;
  contentType: string;
  startedAt: number;
};

type FileIdentity = { name: string; size: number; lastModified: number };

/** The same file as before: a file picked again is recognised by its name, size and last change. */
export function sameFile(pending: FileIdentity, file: FileIdentity): boolean {
  return pending.name === file.name && pending.size === file.size && pending.lastModified === file.lastModified;
}

/** What is left to do: the parts the service has (with their ETags, for completing), the parts to send with fresh URLs. */
export type ResumePlan = { done: CompletedPart[]; toSend: PartUrl[]; bytesDone: number; partSize: number; partCount: number };

export function resumePlan(status: UploadStatus): ResumePlan {
  const done = [...status.reportedParts]
    .sort((a, b) => a.partNumber - b.partNumber)
    .map((part) => ({ partNumber: part.partNumber, eTag: part.etag }));
  const toSend = [...status.missingParts].sort((a, b) => a.partNumber - b.partNumber);
  const bytesDone = done.reduce((sum, part) => {
    const { start, end } = partRange(part.partNumber, status.partSize, status.size);
    return sum + (end - start);
  }, 0);
  return { done, toSend, bytesDone, partSize: status.partSize, partCount: status.partCount };
}

/** The parts to send to complete, in order, from those reported before and those finished now. */
export function completionList(done: readonly CompletedPart[], partCount: number): CompletedPart[] | null {
  const byNumber = new Map(done.map((part) => [part.partNumber, part]));
  const list: CompletedPart[] = [];
  for (let n = 1; n <= partCount; n++) {
    const part = byNumber.get(n);
    if (!part) return null;
    list.push(part);
  }
  return list;
}

const KEY = 'lms.uploads';

/**
 * Kept in `localStorage`, so a closed tab or a crashed browser can still resume (the service keeps an open upload a
 * day); the ids alone are stored. One pending upload per course and slot.
 */
export function pendingUploads(storage: Pick<Storage, 'getItem' | 'setItem'> = localStorage): PendingUpload[] {
  try {
    const value: unknown = JSON.parse(storage.getItem(KEY) ?? '[]');
    return Array.isArray(value) ? value.filter(isPending) : [];
  } catch {
    return [];
  }
}

export function findPending(courseId: string, slot: string, storage?: Pick<Storage, 'getItem' | 'setItem'>): PendingUpload | undefined {
  return pendingUploads(storage).find((p) => p.courseId === courseId && p.slot === slot);
}

export function rememberPending(pending: PendingUpload, storage: Pick<Storage, 'getItem' | 'setItem'> = localStorage): void {
  const others = pendingUploads(storage).filter((p) => p.uploadId !== pending.uploadId && !(p.courseId === pending.courseId && p.slot === pending.slot));
  storage.setItem(KEY, JSON.stringify([...others, pending]));
}

export function forgetPending(uploadId: string, storage: Pick<Storage, 'getItem' | 'setItem'> = localStorage): void {
  storage.setItem(KEY, JSON.stringify(pendingUploads(storage).filter((p) => p.uploadId !== uploadId)));
}

function isPending(value: unknown): value is PendingUpload {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.uploadId === 'string' && typeof v.slot === 'string' && typeof v.courseId === 'string' && typeof v.name === 'string'
    && typeof v.size === 'number' && typeof v.lastModified === 'number' && typeof v.contentType === 'string';
}
