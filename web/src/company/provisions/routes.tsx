import { Outlet, type RouteObject } from 'react-router';
import { RequireAuth } from '../../auth/RequireAuth';

// The company's contracts with institutions: the supervisor's alone.
export const provisionRoutes: RouteObject[] = [
  {
    element: <RequireAuth roles={['CompanySupervisor']}><Outlet /></RequireAuth>,
    children: [
      { path: 'corp/provisions', lazy: () => import('./ProvisionListPage').then((m) => ({ Component: m.ProvisionListPage })) },
      { path: 'corp/provisions/:provisionId', lazy: () => import('./ProvisionDetailPage').then((m) => ({ Component: m.ProvisionDetailPage })) },
    ],
  },
];
