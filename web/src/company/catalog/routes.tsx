import { Outlet, type RouteObject } from 'react-router';
import { RequireAuth } from '../../auth/RequireAuth';

// The catalog as a company supervisor reads it: to request a course for the company.
export const catalogRoutes: RouteObject[] = [
  {
    element: <RequireAuth roles={['CompanySupervisor']}><Outlet /></RequireAuth>,
    children: [
      { path: 'corp/catalog', lazy: () => import('./CatalogPage').then((m) => ({ Component: m.CatalogPage })) },
      { path: 'corp/catalog/:courseId', lazy: () => import('./CourseDetailPage').then((m) => ({ Component: m.CourseDetailPage })) },
    ],
  },
];
