import { Outlet, type RouteObject } from 'react-router';
import { RequireAuth } from '../../auth/RequireAuth';

export const instTopicRoutes: RouteObject[] = [
  {
    element: <RequireAuth roles={['InstitutionManager']}><Outlet /></RequireAuth>,
    children: [
      { path: 'inst/courses/:courseId/teachback-topics', lazy: () => import('./TopicsPage').then((m) => ({ Component: m.TopicsPage })) },
    ],
  },
];
