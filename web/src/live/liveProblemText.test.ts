import { beforeAll, describe, expect, it } from 'vitest';
import i18n from '../i18n';
import { ProblemError } from '../api/problem';
import { liveProblemText } from './liveProblemText';

// Feature words load with their pages; here, before the tests.
beforeAll(() => i18n.loadNamespaces('live'));
const t = i18n.getFixedT('ko');
const problem = (status: number, type: string) => new ProblemError(status, { type: `https://lms.example/problems/${type}`, title: 'English' });

describe('live refusals in words', () => {
  it('says the live service\'s own types in Korean, never as a bare conflict', () => {
    expect(liveProblemText(t, problem(409, 'session-not-live'))).toBe('퀴즈는 방송 중에만 보낼 수 있습니다.');
    expect(liveProblemText(t, problem(409, 'quiz-open'))).toBe('퀴즈가 진행 중입니다.');
    expect(liveProblemText(t, problem(403, 'live-managers-only'))).toBe('교육기관 관리자만 할 수 있습니다.');
  });
});
