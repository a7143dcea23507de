import { Outlet, type RouteObject } from 'react-router';
import { RequireAuth } from '../../auth/RequireAuth';

export const instProfileRoutes: RouteObject[] = [
  {
    element: <RequireAuth roles={['InstitutionManager']}><Outlet /></RequireAuth>,
    children: [
      { path: 'inst/profile', lazy: () => import('./InstitutionProfilePage').then((m) => ({ Component: m.InstitutionProfilePage })) },
    ],
  },
];
