import { Outlet, type RouteObject } from 'react-router';
import { RequireAuth } from '../auth/RequireAuth';

// Every dashboard is its own lazy page, so the charts (recharts) load with the first dashboard opened, never with the shell.
const inst = (path: string, load: () => Promise<{ Component: React.ComponentType }>): RouteObject => ({ path, lazy: load });

export const instDashboardRoutes: RouteObject[] = [
  {
    element: <RequireAuth roles={['InstitutionManager']}><Outlet /></RequireAuth>,
    children: [
      inst('inst', () => import('./inst/SummaryPage').then((m) => ({ Component: m.SummaryPage }))),
      inst('inst/dashboards/monthly', () => import('./inst/PeriodPage').then((m) => ({ Component: m.MonthlyPage }))),
      inst('inst/dashboards/quarterly', () => import('./inst/PeriodPage').then((m) => ({ Component: m.QuarterlyPage }))),
      inst('inst/dashboards/popular-courses', () => import('./inst/PopularCoursesPage').then((m) => ({ Component: m.PopularCoursesPage }))),
      inst('inst/dashboards/attendance', () => import('./inst/AttendancePage').then((m) => ({ Component: m.AttendancePage }))),
      inst('inst/dashboards/companies', () => import('./inst/CompaniesPage').then((m) => ({ Component: m.CompaniesPage }))),
      inst('inst/dashboards/provisions', () => import('./inst/ProvisionsPage').then((m) => ({ Component: m.ProvisionsPage }))),
      inst('inst/dashboards/ratings', () => import('./inst/RatingsPage').then((m) => ({ Component: m.RatingsPage }))),
      inst('inst/dashboards/training-records', () => import('./inst/TrainingRecordsPage').then((m) => ({ Component: m.TrainingRecordsPage }))),
    ],
  },
];

export const corpDashboardRoutes: RouteObject[] = [
  {
    element: <RequireAuth roles={['CompanySupervisor']}><Outlet /></RequireAuth>,
    children: [
      { path: 'corp', lazy: () => import('./corp/CompanyDashboardPage').then((m) => ({ Component: m.CompanyDashboardPage })) },
    ],
  },
];
