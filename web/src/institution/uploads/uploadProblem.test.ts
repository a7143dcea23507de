import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import { ProblemError } from '../../api/problem';
import { StorageError } from '../../common/storagePut';
import { refusalText, uploadProblemText } from './uploadProblem';

const t = ((key: string, options?: Record<string, unknown>) => options && Object.keys(options).length > 0 && !('defaultValue' in options)
  ? `${key} ${JSON.stringify(options)}` : key) as unknown as TFunction;
const problem = (status: number, type: string, errors?: Record<string, string[]>) =>
  new ProblemError(status, { type: `https://lms.example/problems/${type}`, errors });

describe('uploadProblemText', () => {
  it('names each refusal of the content service in its own words', () => {
    expect(uploadProblemText(t, problem(415, 'file-type'))).toBe('instCourses:upload.problem.file-type');
    expect(uploadProblemText(t, problem(422, 'not-media'))).toBe('instCourses:upload.problem.not-media');
    expect(uploadProblemText(t, problem(410, 'upload-expired'))).toBe('instCourses:upload.problem.upload-expired');
    expect(uploadProblemText(t, problem(422, 'size-mismatch'))).toBe('instCourses:upload.problem.size-mismatch');
  });

  it('says a file is too big with the service\'s cap', () => {
    expect(uploadProblemText(t, new ProblemError(400, { errors: { size: ['A video may be at most 20480 MiB.'] } })))
      .toBe('instCourses:upload.problem.tooBig {"detail":"A video may be at most 20480 MiB."}');
  });

  it('tells a storage that refused a part from one that hid its ETag', () => {
    expect(uploadProblemText(t, new StorageError('storage'))).toBe('instCourses:upload.problem.storage');
    expect(uploadProblemText(t, new StorageError('etag-hidden'))).toBe('instCourses:upload.problem.etagHidden');
  });
});

describe('refusalText', () => {
  it('says which kind a file is when it does not fit the item', () => {
    expect(refusalText(t, { reason: 'wrong-kind', fileKind: 'DOCUMENT' }, '영상')).toBe('instCourses:upload.refusal.wrongKind {"expected":"영상","actual":"instCourses:kinds.DOCUMENT"}');
    expect(refusalText(t, { reason: 'too-big', maxMiB: 20 * 1024 }, '영상')).toBe('instCourses:upload.refusal.tooBig {"size":"20 GiB"}');
  });
});
