import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/clients';
import { call } from '../../api/call';
import type { components } from '../../api/generated/company';

export type Provision = components['schemas']['ProvisionView'];
export type ProvisionSummary = components['schemas']['ProvisionSummary'];
export type MemberView = components['schemas']['MemberView'];
export type Progress = components['schemas']['ProvisionProgress'];

export const PAGE_SIZE = 20;

export const PROVISION_STATES = ['REQUESTED', 'ACCEPTED', 'ROSTER_SUBMITTED', 'REGISTERED', 'IN_PROGRESS', 'FINISHED', 'DECLINED', 'CANCELLED'] as const;

export const corpKeys = {
  list: (state: string | null, page: number) => ['company', 'provisions', 'list', state, page] as const,
  lists: ['company', 'provisions', 'list'] as const,
  provision: (id: string) => ['company', 'provisions', 'one', id] as const,
  progress: (id: string) => ['company', 'provisions', 'progress', id] as const,
  members: ['company', 'members', 'all'] as const,
};

export function useProvisions(state: string | null, page: number) {
  return useQuery({
    queryKey: corpKeys.list(state, page),
    queryFn: () => call(api.company.GET('/company/v1/course-provides', {
      params: { query: { state: state ?? undefined, page, size: PAGE_SIZE } },
    })),
  });
}

export function useProvision(id: string) {
  return useQuery({
    queryKey: corpKeys.provision(id),
    queryFn: () => call(api.company.GET('/company/v1/course-provides/{id}', { params: { path: { id } } })),
  });
}

export function useProgress(id: string, enabled: boolean) {
  return useQuery({
    queryKey: corpKeys.progress(id),
    queryFn: () => call(api.company.GET('/company/v1/course-provides/{id}/progress', { params: { path: { id } } })),
    enabled,
  });
}

/** Every member of the company: the roster editor chooses among them all and searches them in the browser. */
export function useMembers() {
  return useQuery({
    queryKey: corpKeys.members,
    queryFn: async () => {
      const members: MemberView[] = [];
      // At most 100 a page; a company beyond 5,000 members would need a server-side search.
      for (let page = 1; page <= 50; page++) {
        const answer = await call(api.company.GET('/company/v1/members', { params: { query: { page, size: 100 } } }));
        members.push(...answer.items);
        if (members.length >= answer.total || answer.items.length === 0) break;
      }
      return members.sort((a, b) => (a.name ?? a.email ?? '').localeCompare(b.name ?? b.email ?? '', 'ko'));
    },
    staleTime: 30_000,
  });
}
