import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/clients';
import { call } from '../../api/call';
import type { components } from '../../api/generated/company';

export type CompanyProfile = components['schemas']['CompanyResponse'];
export type Member = components['schemas']['MemberView'];

export const MEMBER_PAGE_SIZE = 20;
export const ROLE_SUPERVISOR = 'SUPERVISOR';
export const ROLE_EMPLOYEE = 'EMPLOYEE';

export const corpProfileKeys = {
  company: ['company', 'mine'] as const,
  members: (page: number) => ['company', 'members', page] as const,
  allMembers: ['company', 'members'] as const,
};

export const useMyCompany = () => useQuery({
  queryKey: corpProfileKeys.company,
  queryFn: () => call(api.company.GET('/company/v1/companies/mine')),
});

export const useMembers = (page: number) => useQuery({
  queryKey: corpProfileKeys.members(page),
  queryFn: () => call(api.company.GET('/company/v1/members', { params: { query: { page, size: MEMBER_PAGE_SIZE } } })),
  placeholderData: (previous) => previous,
});
