import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/clients';
import { call } from '../../api/call';
import type { components as Live } from '../../api/generated/live';
import type { components as Institution } from '../../api/generated/institution';

export type Session = Live['schemas']['SessionResponse'];
export type Provision = Institution['schemas']['InstitutionProvisionSummary'];
export type RelayInfo = Live['schemas']['BroadcastRelayResponse'];

export const PAGE_SIZE = 20;

/** Provisions a live session can be held for: accepted by the institution and not over yet. */
export const OPEN_PROVISION_STATES = ['ACCEPTED', 'ROSTER_SUBMITTED', 'REGISTERED', 'IN_PROGRESS'] as const;

export const studioKeys = {
  all: ['live', 'studio'] as const,
  list: (page: number) => ['live', 'studio', 'list', page] as const,
  session: (id: string) => ['live', 'studio', 'session', id] as const,
  obs: (id: string) => ['live', 'studio', 'obs', id] as const,
  relay: (id: string) => ['live', 'studio', 'relay', id] as const,
  provisions: ['live', 'studio', 'provisions'] as const,
};

/** Every session of the institutions the manager runs, newest first. */
export function useSessions(page: number) {
  return useQuery({
    queryKey: studioKeys.list(page),
    queryFn: () => call(api.live.GET('/live/v1/sessions', { params: { query: { page, size: PAGE_SIZE } } })),
  });
}

/** One session; `pollMs` keeps its state current while something (a broadcast) depends on it. */
export function useSession(id: string, pollMs?: number) {
  return useQuery({
    queryKey: studioKeys.session(id),
    queryFn: () => call(api.live.GET('/live/v1/sessions/{id}', { params: { path: { id } } })),
    refetchInterval: pollMs,
  });
}

/** The provisions the manager may schedule for, every page of each open state. */
export function useOpenProvisions() {
  return useQuery({
    queryKey: studioKeys.provisions,
    queryFn: async () => {
      const lists = await Promise.all(OPEN_PROVISION_STATES.map((state) => allPages(state)));
      return lists.flat().sort((a, b) => a.courseTitle.localeCompare(b.courseTitle, 'ko') || a.beginDate.localeCompare(b.beginDate));
    },
  });
}

// At most 100 a page; an institution with more than a thousand open provisions of one state is not expected.
async function allPages(state: string): Promise<Provision[]> {
  const items: Provision[] = [];
  for (let page = 1; page <= 10; page++) {
    const answer = await call(api.institution.GET('/institution/v1/course-provides', { params: { query: { state, page, size: 100 } } }));
    items.push(...answer.items);
    if (items.length >= answer.total || answer.items.length === 0) break;
  }
  return items;
}
