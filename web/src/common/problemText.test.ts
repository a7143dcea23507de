import { describe, expect, it } from 'vitest';
import i18n from '../i18n';
import { ProblemError } from '../api/problem';
import { fieldErrors, problemText } from './problemText';

const t = i18n.getFixedT('ko');
const problem = (status: number, type?: string, retryAfter?: number, errors?: object) =>
  new ProblemError(status, { type: type && `https://lms.example/problems/${type}`, title: 'English title', errors }, retryAfter);

describe('problemText', () => {
  it('says each problem type in Korean with the wait the server gave', () => {
    expect(problemText(t, problem(429, 'locked-out', 300))).toBe('로그인 실패가 많아 계정이 잠시 잠겼습니다. 5분 후에 다시 시도해 주세요.');
    expect(problemText(t, problem(429, 'rate-limited', 30))).toBe('요청이 너무 많습니다. 30초 후에 다시 시도해 주세요.');
    expect(problemText(t, problem(503, 'sign-in-busy', 1))).toBe('로그인 요청이 몰려 있습니다. 잠시 후 다시 시도해 주세요.');
  });

  it('says a suspension and each admin refusal in its own words, not the status\'s', () => {
    expect(problemText(t, problem(403, 'account-suspended'))).toBe('이 계정은 플랫폼 관리자가 이용을 정지했습니다. 자세한 내용은 고객센터에 문의해 주세요.');
    const conflict = problemText(t, problem(409));
    for (const type of ['own-account', 'already-suspended', 'not-suspended', 'already-admin', 'not-admin', 'account-not-active', 'institution-suspended', 'company-suspended']) {
      expect(problemText(t, problem(409, type))).not.toBe(conflict);
    }
    expect(problemText(t, problem(403, 'not-an-admin'))).toContain('플랫폼 관리자 권한');
  });

  it('never shows a raw status: an unknown type is said by its status', () => {
    const text = problemText(t, problem(409, 'something-new'));
    expect(text).toBe('다른 변경과 충돌했습니다. 새로 불러온 뒤 다시 시도해 주세요.');
    expect(problemText(t, problem(502))).not.toMatch(/\d{3}/);
    expect(problemText(t, new ProblemError(0, {}))).toContain('서버에 연결할 수 없습니다');
  });

  it('puts validation messages next to their fields by the form\'s names', () => {
    const errors = fieldErrors(t, problem(400, 'validation', undefined, { BirthDate: ['Not a date.'], email: ['Taken.'] }));
    expect(errors).toEqual({ birthDate: '확인해 주세요: Not a date.', email: '확인해 주세요: Taken.' });
  });
});
