import { describe, expect, it } from 'vitest';
import { ruleProblems, type CompletionRule } from './completionRule';

const defaults: CompletionRule = {
  videoProgressPercent: 90, courseProgressPercent: 80, evaluationPassScore: 60, liveAttendancePercent: null,
  dailyItemCap: 8, midExamUnlockPercent: 50, finalExamUnlockPercent: 80,
};

describe('ruleProblems', () => {
  it('accepts the employer-sponsored training defaults, with or without live attendance', () => {
    expect(ruleProblems(defaults)).toEqual([]);
    expect(ruleProblems({ ...defaults, liveAttendancePercent: 80 })).toEqual([]);
  });

  it('names each threshold out of its range', () => {
    expect(ruleProblems({ ...defaults, videoProgressPercent: 0 })).toEqual([{ field: 'videoProgressPercent', reason: 'range', min: 1, max: 100 }]);
    expect(ruleProblems({ ...defaults, dailyItemCap: 51 })).toEqual([{ field: 'dailyItemCap', reason: 'range', min: 1, max: 50 }]);
    expect(ruleProblems({ ...defaults, liveAttendancePercent: 0 })[0].field).toBe('liveAttendancePercent');
  });

  it('keeps the mid-course exam from opening after the final one', () => {
    expect(ruleProblems({ ...defaults, midExamUnlockPercent: 90 })).toEqual([{ field: 'midExamUnlockPercent', reason: 'midAfterFinal' }]);
  });
});
