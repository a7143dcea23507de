import { describe, expect, it } from 'vitest';
import { completionList, findPending, forgetPending, pendingUploads, rememberPending, resumePlan, sameFile, type PendingUpload } from './resumePlan';

const MiB = 1024 * 1024;

function memory() {
  const values = new Map<string, string>();
  return { getItem: (key: string) => values.get(key) ?? null, setItem: (key: string, value: string) => void values.set(key, value) };
}

const pending = (over: Partial<PendingUpload> = {}): PendingUpload => ({
  uploadId: 'u1', slot: 'item-1', courseId: 'c1', purpose: 'course-content', name: 'lecture.mp4', size: 12 * MiB,
  lastModified: 1_700_000_000_000, contentType: 'video/mp4', startedAt: 1, ...over,
});

describe('sameFile', () => {
  it('knows the file picked again by its name, size and last change', () => {
    expect(sameFile(pending(), { name: 'lecture.mp4', size: 12 * MiB, lastModified: 1_700_000_000_000 })).toBe(true);
    expect(sameFile(pending(), { name: 'lecture.mp4', size: 12 * MiB, lastModified: 1_700_000_000_001 })).toBe(false);
    expect(sameFile(pending(), { name: 'lecture2.mp4', size: 12 * MiB, lastModified: 1_700_000_000_000 })).toBe(false);
    expect(sameFile(pending(), { name: 'lecture.mp4', size: 12 * MiB - 1, lastModified: 1_700_000_000_000 })).toBe(false);
  });
});

describe('resumePlan', () => {
  const status = {
    uploadId: 'u1', state: 'OPEN', fileName: 'lecture.mp4', size: 12 * MiB, partSize: 5 * MiB, partCount: 3, expiresAt: '',
    reportedParts: [{ partNumber: 2, etag: '"b"' }, { partNumber: 1, etag: '"a"' }],
    missingParts: [{ partNumber: 3, url: 'https://s3/3' }],
  };

  it('keeps the parts the service has and sends only the missing ones with their fresh URLs', () => {
    const plan = resumePlan(status);
    expect(plan.done).toEqual([{ partNumber: 1, eTag: '"a"' }, { partNumber: 2, eTag: '"b"' }]);
    expect(plan.toSend).toEqual([{ partNumber: 3, url: 'https://s3/3' }]);
    expect(plan.bytesDone).toBe(10 * MiB);
  });

  it('counts the short last part at its own size', () => {
    const plan = resumePlan({ ...status, reportedParts: [{ partNumber: 3, etag: '"c"' }], missingParts: [] });
    expect(plan.bytesDone).toBe(2 * MiB);
  });
});

describe('completionList', () => {
  it('lists every part once, in order, or nothing while one is missing', () => {
    expect(completionList([{ partNumber: 2, eTag: 'b' }, { partNumber: 1, eTag: 'a' }], 2)).toEqual([{ partNumber: 1, eTag: 'a' }, { partNumber: 2, eTag: 'b' }]);
    expect(completionList([{ partNumber: 2, eTag: 'b' }], 2)).toBeNull();
  });
});

describe('pending uploads', () => {
  it('remembers one per course and slot and forgets it by id', () => {
    const storage = memory();
    rememberPending(pending(), storage);
    rememberPending(pending({ uploadId: 'u2', slot: 'cover' }), storage);
    rememberPending(pending({ uploadId: 'u3' }), storage);
    expect(pendingUploads(storage).map((p) => p.uploadId)).toEqual(['u2', 'u3']);
    expect(findPending('c1', 'item-1', storage)?.uploadId).toBe('u3');
    forgetPending('u3', storage);
    expect(findPending('c1', 'item-1', storage)).toBeUndefined();
  });

  it('ignores what it cannot read', () => {
    const storage = memory();
    storage.setItem('lms.uploads', '{not json');
    expect(pendingUploads(storage)).toEqual([]);
    storage.setItem('lms.uploads', JSON.stringify([{ uploadId: 1 }, pending()]));
    expect(pendingUploads(storage)).toHaveLength(1);
  });
});
