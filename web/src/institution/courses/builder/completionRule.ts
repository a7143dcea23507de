import type { components } from '../../../api/generated/institution';

export type CompletionRule = components['schemas']['CompletionRule'];
export type RuleField = keyof CompletionRule;

// The ranges the institution service accepts (services/Institution/Courses/CompletionRule.cs).
export const RULE_RANGES: Record<RuleField, [number, number]> = {
  videoProgressPercent: [1, 100],
  courseProgressPercent: [0, 100],
  evaluationPassScore: [0, 100],
  liveAttendancePercent: [1, 100],
  dailyItemCap: [1, 50],
  midExamUnlockPercent: [0, 100],
  finalExamUnlockPercent: [0, 100],
};

export type RuleProblem = { field: RuleField; reason: 'range' | 'midAfterFinal'; min?: number; max?: number };

/** What is wrong with a rule before it is sent: each threshold in its range, the mid-course exam opening no later than the final. */
export function ruleProblems(rule: CompletionRule): RuleProblem[] {
  const problems: RuleProblem[] = [];
  for (const [field, [min, max]] of Object.entries(RULE_RANGES) as [RuleField, [number, number]][]) {
    const value = rule[field];
    if (field === 'liveAttendancePercent' && (value === null || value === undefined)) continue;
    if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) problems.push({ field, reason: 'range', min, max });
  }
  if (rule.midExamUnlockPercent > rule.finalExamUnlockPercent) problems.push({ field: 'midExamUnlockPercent', reason: 'midAfterFinal' });
  return problems;
}
