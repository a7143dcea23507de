import { Outlet, type RouteObject } from 'react-router';
import { RequireAuth } from '../../auth/RequireAuth';

export const companyProfileRoutes: RouteObject[] = [
  {
    element: <RequireAuth roles={['CompanySupervisor']}><Outlet /></RequireAuth>,
    children: [
      { path: 'corp/profile', lazy: () => import('./CompanyProfilePage').then((m) => ({ Component: m.CompanyProfilePage })) },
      { path: 'corp/members', lazy: () => import('./MembersPage').then((m) => ({ Component: m.MembersPage })) },
    ],
  },
];
