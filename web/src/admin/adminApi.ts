import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../api/clients';
import { call } from '../api/call';
import { ProblemError } from '../api/problem';
import type { components as Identity } from '../api/generated/identity';
import type { components as Institution } from '../api/generated/institution';
import type { components as Company } from '../api/generated/company';
import type { components as Student } from '../api/generated/student';
import { PAGE_SIZE, type AccountAction } from './adminRules';

export type AdminUser = Identity['schemas']['AdminUserView'];
export type AdminAction = Identity['schemas']['AdminActionView'];
export type AdminInstitution = Institution['schemas']['AdminInstitutionView'];
export type AdminInstitutionDetail = Institution['schemas']['AdminInstitutionDetail'];
export type AdminCompany = Company['schemas']['AdminCompanyView'];
export type AdminCompanyDetail = Company['schemas']['AdminCompanyDetail'];
export type CatalogTopic = Student['schemas']['CatalogTopicView'];
export type CatalogTopicRequest = Student['schemas']['CatalogTopicRequest'];
export type CatalogMajor = Student['schemas']['CatalogMajor'];

export const adminKeys = {
  all: ['admin'] as const,
  users: (filters: object) => ['admin', 'users', filters] as const,
  user: (id: string) => ['admin', 'user', id] as const,
  institutions: (filters: object) => ['admin', 'institutions', filters] as const,
  institution: (id: string) => ['admin', 'institution', id] as const,
  companies: (filters: object) => ['admin', 'companies', filters] as const,
  company: (id: string) => ['admin', 'company', id] as const,
  actions: (filters: object) => ['admin', 'actions', filters] as const,
  catalog: ['admin', 'catalog'] as const,
  topic: (id: string) => ['admin', 'topic', id] as const,
  health: ['admin', 'health'] as const,
};

const blank = (value: string) => value || undefined;

export const useAdminUsers = (filters: { q: string; state: string; role: string; page: number }) => useQuery({
  queryKey: adminKeys.users(filters),
  queryFn: () => call(api.identity.GET('/identity/v1/admin/users', {
    params: { query: { q: blank(filters.q), state: blank(filters.state), role: blank(filters.role), page: filters.page, size: PAGE_SIZE } },
  })),
  placeholderData: keepPreviousData,
});

export const useAdminUser = (id: string) => useQuery({
  queryKey: adminKeys.user(id),
  queryFn: () => call(api.identity.GET('/identity/v1/admin/users/{id}', { params: { path: { id } } })),
});

export function actOnAccount(id: string, action: AccountAction, reason: string): Promise<AdminUser> {
  const options = { params: { path: { id } }, body: { reason } };
  switch (action) {
    case 'suspend': return call(api.identity.POST('/identity/v1/admin/users/{id}/suspend', options));
    case 'reinstate': return call(api.identity.POST('/identity/v1/admin/users/{id}/reinstate', options));
    case 'grant-admin': return call(api.identity.POST('/identity/v1/admin/users/{id}/grant-admin', options));
    case 'revoke-admin': return call(api.identity.POST('/identity/v1/admin/users/{id}/revoke-admin', options));
  }
}

export const useAdminActions = (filters: { targetType: string; targetId: string; page: number }, size = PAGE_SIZE) => useQuery({
  queryKey: adminKeys.actions({ ...filters, size }),
  queryFn: () => call(api.identity.GET('/identity/v1/admin/actions', {
    params: { query: { targetType: blank(filters.targetType), targetId: blank(filters.targetId), page: filters.page, size } },
  })),
  placeholderData: keepPreviousData,
});

export const useAdminInstitutions = (filters: { q: string; state: string; page: number }) => useQuery({
  queryKey: adminKeys.institutions(filters),
  queryFn: () => call(api.institution.GET('/institution/v1/admin/institutions', {
    params: { query: { q: blank(filters.q), state: blank(filters.state), page: filters.page, size: PAGE_SIZE } },
  })),
  placeholderData: keepPreviousData,
});

export const useAdminInstitution = (id: string) => useQuery({
  queryKey: adminKeys.institution(id),
  queryFn: () => call(api.institution.GET('/institution/v1/admin/institutions/{id}', { params: { path: { id } } })),
});

export function actOnInstitution(id: string, action: 'suspend' | 'reinstate', reason: string) {
  const options = { params: { path: { id } }, body: { reason } };
  return action === 'suspend'
    ? call(api.institution.POST('/institution/v1/admin/institutions/{id}/suspend', options))
    : call(api.institution.POST('/institution/v1/admin/institutions/{id}/reinstate', options));
}

export const useAdminCompanies = (filters: { q: string; state: string; page: number }) => useQuery({
  queryKey: adminKeys.companies(filters),
  queryFn: () => call(api.company.GET('/company/v1/admin/companies', {
    params: { query: { q: blank(filters.q), state: blank(filters.state), page: filters.page, size: PAGE_SIZE } },
  })),
  placeholderData: keepPreviousData,
});

export const useAdminCompany = (id: string) => useQuery({
  queryKey: adminKeys.company(id),
  queryFn: () => call(api.company.GET('/company/v1/admin/companies/{id}', { params: { path: { id } } })),
});

export function actOnCompany(id: string, action: 'suspend' | 'reinstate', reason: string) {
  const options = { params: { path: { id } }, body: { reason } };
  return action === 'suspend'
    ? call(api.company.POST('/company/v1/admin/companies/{id}/suspend', options))
    : call(api.company.POST('/company/v1/admin/companies/{id}/reinstate', options));
}

/** The free catalog is the `catalog` part of the learners' topic list; its rubric is read by id. */
export const useCatalog = () => useQuery({
  queryKey: adminKeys.catalog,
  queryFn: async () => (await call(api.student.GET('/student/v1/teachback-topics'))).catalog,
});

export const useCatalogTopic = (id: string | null) => useQuery({
  queryKey: adminKeys.topic(id ?? ''),
  queryFn: () => call(api.student.GET('/student/v1/teachback-topics/{id}', { params: { path: { id: id ?? '' } } })),
  enabled: id !== null,
});

export const createCatalogTopic = (body: CatalogTopicRequest) => call(api.student.POST('/student/v1/teachback-topics', { body }));
export const updateCatalogTopic = (id: string, body: CatalogTopicRequest) =>
  call(api.student.PUT('/student/v1/teachback-topics/{id}', { params: { path: { id } }, body }));
export const deleteCatalogTopic = (id: string) =>
  call(api.student.DELETE('/student/v1/teachback-topics/{id}', { params: { path: { id } } }));

/**
 * The gateway's health is read as `unknown` (no OpenAPI document describes it). A 503 still carries the JSON that says
 * which service is down, so the body is read whatever the status; only an answer that is not JSON is a failure.
 */
export const useHealth = () => useQuery({
  queryKey: adminKeys.health,
  queryFn: async (): Promise<{ body: unknown; at: Date }> => {
    let response: Response;
    try {
      response = await fetch('/health', { headers: { accept: 'application/json' }, cache: 'no-store' });
    } catch {
      throw new ProblemError(0, {});
    }
    try {
      return { body: (await response.json()) as unknown, at: new Date() };
    } catch {
      throw new ProblemError(response.status, {});
    }
  },
  refetchInterval: 30_000,
});
