import { beforeAll, describe, expect, it } from 'vitest';
import i18n from '../i18n';
import { ProblemError } from '../api/problem';
import { reasonText, submitRefusalText } from './submissionText';
import { StorageError } from './upload';

// Feature words load with their pages; here, before the tests.
beforeAll(() => i18n.reloadResources(['ko', 'en'], ['teachback']));
const t = i18n.getFixedT('ko', 'teachback');
const en = i18n.getFixedT('en', 'teachback');
const problem = (status: number, type: string, body: object = {}, retryAfter?: number) =>
  new ProblemError(status, { type: `https://lms.example/problems/${type}`, title: 'English title', ...body }, retryAfter);

describe('submitRefusalText', () => {
  it('says when the day\'s quota comes back, in Korea time', () => {
    const quota = problem(429, 'teachback-quota-exhausted', { limit: 20, resetsAt: '2026-12-07T15:00:00Z' }, 3600);
    expect(submitRefusalText(t, quota, 'ko', false)).toBe('오늘 제출할 수 있는 20회를 모두 썼습니다. 2026. 12. 8. 오전 12:00(한국 시간)부터 다시 제출할 수 있습니다.');
    expect(submitRefusalText(en, quota, 'en', false)).toBe('You have used today’s 20 submissions. You can submit again from 2026-12-08 00:00 (Korea time).');
  });

  it('says how many are still being scored and how long to wait', () => {
    const pending = problem(429, 'teachback-too-many-pending', { limit: 2 }, 3);
    expect(submitRefusalText(t, pending, 'ko', true)).toBe('채점 중인 제출이 2개 있습니다. 그중 하나가 끝난 뒤 다시 제출해 주세요. (3초 후에 다시 시도할 수 있습니다.)');
  });

  it('tells a topic that is no longer mine from a recording not yet known', () => {
    expect(submitRefusalText(t, problem(404, 'not-found'), 'ko', false)).toContain('이 주제는 지금 연습할 수 없습니다');
    expect(submitRefusalText(t, problem(404, 'not-found'), 'ko', true)).toContain('올린 녹음을 아직 확인하지 못했습니다');
  });

  it('puts what the content service found wrong with a recording, and storage failures, into words', () => {
    expect(submitRefusalText(t, problem(422, 'not-audio'), 'ko', true)).toBe('녹음에서 소리를 읽을 수 없습니다. 다시 녹음해 주세요.');
    expect(submitRefusalText(t, problem(422, 'recording-too-long'), 'ko', true)).toContain('10분을 넘습니다');
    expect(submitRefusalText(t, new StorageError('etag-hidden'), 'ko', true)).toContain('ETag');
    expect(submitRefusalText(t, new StorageError('storage'), 'ko', true)).toContain('저장소로 보내지 못했습니다');
  });

  it('falls back to the shared words for any other refusal, never a raw status', () => {
    expect(submitRefusalText(t, problem(415, 'file-type'), 'ko', true)).toBe('허용되지 않는 파일 형식입니다.');
    expect(submitRefusalText(t, new ProblemError(502, {}), 'ko', false)).not.toMatch(/\d{3}/);
  });
});

describe('reasonText', () => {
  it('puts the reasons the service is known to give into words and keeps any other as given', () => {
    expect(reasonText(t, 'no transcriber configured')).toContain('음성 인식이 설정되어 있지 않아');
    expect(reasonText(t, 'upstream said: HTTP 500. try later')).toBe('upstream said: HTTP 500. try later');
    expect(reasonText(t, null)).toBeNull();
  });
});
