import { useQuery } from '@tanstack/react-query';
import { call } from '../api/call';
import { dashboardApi } from './dashboardApi';

const inst = dashboardApi.institution;

export const instDashboardKeys = {
  all: ['institution', 'dashboard'] as const,
  summary: ['institution', 'dashboard', 'summary'] as const,
  monthly: (year: number) => ['institution', 'dashboard', 'monthly', year] as const,
  quarterly: (year: number) => ['institution', 'dashboard', 'quarterly', year] as const,
  popular: (month: string) => ['institution', 'dashboard', 'popular', month] as const,
  attendance: (courseId: string) => ['institution', 'dashboard', 'attendance', courseId] as const,
  companies: ['institution', 'dashboard', 'companies'] as const,
  provisions: ['institution', 'dashboard', 'provisions'] as const,
  ratings: ['institution', 'dashboard', 'ratings'] as const,
  records: (provisionId: string) => ['institution', 'dashboard', 'records', provisionId] as const,
  courses: ['institution', 'dashboard', 'courses'] as const,
  allProvisions: ['institution', 'dashboard', 'all-provisions'] as const,
};

export const useSummary = () => useQuery({
  queryKey: instDashboardKeys.summary,
  queryFn: () => call(inst.GET('/institution/v1/dashboard/summary')),
});

export const useMonthly = (year: number) => useQuery({
  queryKey: instDashboardKeys.monthly(year),
  queryFn: () => call(inst.GET('/institution/v1/dashboard/monthly', { params: { query: { year: String(year) } } })),
});

export const useQuarterly = (year: number) => useQuery({
  queryKey: instDashboardKeys.quarterly(year),
  queryFn: () => call(inst.GET('/institution/v1/dashboard/quarterly', { params: { query: { year: String(year) } } })),
});

export const usePopular = (month: string) => useQuery({
  queryKey: instDashboardKeys.popular(month),
  queryFn: () => call(inst.GET('/institution/v1/dashboard/popular-courses', { params: { query: { month } } })),
});

export const useAttendance = (courseId: string | null) => useQuery({
  queryKey: instDashboardKeys.attendance(courseId ?? ''),
  queryFn: () => call(inst.GET('/institution/v1/dashboard/attendance', { params: { query: { courseId: courseId! } } })),
  enabled: !!courseId,
});

export const useContractedCompanies = () => useQuery({
  queryKey: instDashboardKeys.companies,
  queryFn: () => call(inst.GET('/institution/v1/dashboard/companies')),
});

export const useRunningProvisions = () => useQuery({
  queryKey: instDashboardKeys.provisions,
  queryFn: () => call(inst.GET('/institution/v1/dashboard/course-provides')),
});

export const useRatings = () => useQuery({
  queryKey: instDashboardKeys.ratings,
  queryFn: () => call(inst.GET('/institution/v1/dashboard/ratings')),
});

export const useTrainingRecords = (provisionId: string | null) => useQuery({
  queryKey: instDashboardKeys.records(provisionId ?? ''),
  queryFn: () => call(inst.GET('/institution/v1/dashboard/training-records', { params: { query: { courseProvideId: provisionId! } } })),
  enabled: !!provisionId,
});

/** The courses to pick for attendance: the first hundred, by title (an institution with more is not expected yet). */
export const useCourseChoices = () => useQuery({
  queryKey: instDashboardKeys.courses,
  queryFn: async () => {
    const page = await call(inst.GET('/institution/v1/courses', { params: { query: { page: 1, size: 100 } } }));
    return [...page.items].sort((a, b) => a.title.localeCompare(b.title, 'ko'));
  },
});

/** The provisions to pick for a training-records report: the newest hundred, every state. */
export const useProvisionChoices = () => useQuery({
  queryKey: instDashboardKeys.allProvisions,
  queryFn: async () => {
    const page = await call(inst.GET('/institution/v1/course-provides', { params: { query: { page: 1, size: 100 } } }));
    return [...page.items].sort((a, b) => b.beginDate.localeCompare(a.beginDate) || a.courseTitle.localeCompare(b.courseTitle, 'ko'));
  },
});
