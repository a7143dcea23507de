import { describe, expect, it } from 'vitest';
import { learnerPlace, listOf, managerPlace, writesOn } from './boardPlace';

describe('board places', () => {
  it('keeps the learner’s board under their enrollment and the manager’s under the provision', () => {
    expect(learnerPlace('e1', 'cp1')).toEqual({ cpId: 'cp1', base: '/courses/e1/board', manager: false });
    expect(managerPlace('cp1')).toEqual({ cpId: 'cp1', base: '/inst/boards/cp1', manager: true });
  });

  it('lets learners ask questions and managers write notices, each on their own tab only', () => {
    expect(writesOn(learnerPlace('e1', 'cp1'), 'QUESTION')).toBe(true);
    expect(writesOn(learnerPlace('e1', 'cp1'), 'NOTICE')).toBe(false);
    expect(writesOn(managerPlace('cp1'), 'NOTICE')).toBe(true);
    expect(writesOn(managerPlace('cp1'), 'QUESTION')).toBe(false);
  });

  it('goes back to the tab a post is on', () => {
    expect(listOf(managerPlace('cp1'), 'QUESTION')).toBe('/inst/boards/cp1?type=QUESTION');
    expect(listOf(learnerPlace('e1', 'cp1'), 'NOTICE')).toBe('/courses/e1/board?type=NOTICE');
    expect(listOf(learnerPlace('e1', 'cp1'), 'anything')).toBe('/courses/e1/board?type=NOTICE');
  });
});
