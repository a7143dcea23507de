import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/clients';
import { call } from '../../api/call';
import type { components } from '../../api/generated/institution';

export type InboxProvision = components['schemas']['InstitutionProvisionView'];
export type InboxSummary = components['schemas']['InstitutionProvisionSummary'];

export const INBOX_PAGE_SIZE = 20;

export const inboxKeys = {
  list: (state: string | null, page: number) => ['institution', 'inbox', 'list', state, page] as const,
  amendments: ['institution', 'inbox', 'amendments'] as const,
  lists: ['institution', 'inbox'] as const,
  provision: (id: string) => ['institution', 'provision', id] as const,
  managers: ['institution', 'managers'] as const,
};

export function useInboxList(state: string | null, page: number) {
  return useQuery({
    queryKey: inboxKeys.list(state, page),
    queryFn: () => call(api.institution.GET('/institution/v1/course-provides', {
      params: { query: { state: state ?? undefined, page, size: INBOX_PAGE_SIZE } },
    })),
  });
}

export function useInboxProvision(id: string) {
  return useQuery({
    queryKey: inboxKeys.provision(id),
    queryFn: () => getProvision(id),
  });
}

export function getProvision(id: string) {
  return call(api.institution.GET('/institution/v1/course-provides/{id}', { params: { path: { id } } }));
}

/** The institution's managers by id, so the history can name who decided. */
export function useManagers() {
  return useQuery({
    queryKey: inboxKeys.managers,
    queryFn: () => call(api.institution.GET('/institution/v1/institutions/mine/managers')),
    staleTime: 60_000,
  });
}

/**
 * Registered provisions with additions waiting. The list's summaries do not say whether an amendment waits, so each
 * registered provision is read (four at a time); at most 1,000 per state are looked at.
 */
export function useAmendments() {
  return useQuery({
    queryKey: inboxKeys.amendments,
    queryFn: async () => {
      const summaries = (await Promise.all(['REGISTERED', 'IN_PROGRESS'].map(allOf))).flat();
      const waiting: InboxProvision[] = [];
      for (let i = 0; i < summaries.length; i += 4) {
        const views = await Promise.all(summaries.slice(i, i + 4).map((s) => getProvision(s.id)));
        waiting.push(...views.filter((v) => v.pendingAdditions.length > 0));
      }
      return { scanned: summaries.length, waiting };
    },
  });
}

async function allOf(state: string): Promise<InboxSummary[]> {
  const items: InboxSummary[] = [];
  for (let page = 1; page <= 10; page++) {
    const answer = await call(api.institution.GET('/institution/v1/course-provides', { params: { query: { state, page, size: 100 } } }));
    items.push(...answer.items);
    if (items.length >= answer.total || answer.items.length === 0) break;
  }
  return items;
}
