import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../api/clients';
import { call } from '../../api/call';
import type { components } from '../../api/generated/institution';

export const PROVISION_PAGE_SIZE = 20;

/**
 * Provisions whose board is worth opening: from acceptance on (notices can go out before the class starts) to the end
 * (the class reads it for review). Requested, declined and cancelled ones never have a class.
 */
export const BOARD_STATES = ['ACCEPTED', 'ROSTER_SUBMITTED', 'REGISTERED', 'IN_PROGRESS', 'FINISHED'] as const;

type Provision = components['schemas']['InstitutionProvisionSummary'];

/** Every provision of the board states (or of one), the newest period first. */
export function useBoardProvisions(state: string) {
  return useQuery({
    queryKey: ['institution', 'boards', 'provisions', state],
    queryFn: async () => {
      const states = state ? [state] : [...BOARD_STATES];
      const lists = await Promise.all(states.map(allPages));
      return lists.flat().sort((a, b) => b.beginDate.localeCompare(a.beginDate) || a.courseTitle.localeCompare(b.courseTitle, 'ko'));
    },
    placeholderData: keepPreviousData,
  });
}

// At most 100 a page; more than a thousand provisions in one state is not expected of an institution.
async function allPages(state: string): Promise<Provision[]> {
  const items: Provision[] = [];
  for (let page = 1; page <= 10; page++) {
    const answer = await call(api.institution.GET('/institution/v1/course-provides', { params: { query: { state, page, size: 100 } } }));
    items.push(...answer.items);
    if (items.length >= answer.total || answer.items.length === 0) break;
  }
  return items;
}

/** The provision behind a board address, for its heading; another institution's is a 404. */
export function useProvision(cpId: string) {
  return useQuery({
    queryKey: ['institution', 'boards', 'provision', cpId],
    queryFn: () => call(api.institution.GET('/institution/v1/course-provides/{id}', { params: { path: { id: cpId } } })),
  });
}
