import { useQuery } from '@tanstack/react-query';
import { call } from '../api/call';
import { dashboardApi } from './dashboardApi';

export const EMPLOYEE_PAGE_SIZE = 20;

export const corpDashboardKeys = {
  dashboard: (page: number) => ['company', 'dashboard', page] as const,
  records: (provisionId: string) => ['company', 'dashboard', 'records', provisionId] as const,
};

export const useCompanyDashboard = (page: number) => useQuery({
  queryKey: corpDashboardKeys.dashboard(page),
  queryFn: () => call(dashboardApi.company.GET('/company/v1/dashboard', { params: { query: { page, size: EMPLOYEE_PAGE_SIZE } } })),
  placeholderData: (previous) => previous,
});

export const useCompanyTrainingRecords = (provisionId: string | null) => useQuery({
  queryKey: corpDashboardKeys.records(provisionId ?? ''),
  queryFn: () => call(dashboardApi.company.GET('/company/v1/dashboard/training-records', { params: { query: { courseProvideId: provisionId! } } })),
  enabled: !!provisionId,
});
