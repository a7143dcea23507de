import { Outlet, type RouteObject } from 'react-router';
import { RequireAuth } from '../../auth/RequireAuth';

// The studio is the institution managers' alone; the classroom's host view (/inst/live/:sessionId/host) lives with the classroom.
export const studioRoutes: RouteObject[] = [
  {
    element: <RequireAuth roles={['InstitutionManager']}><Outlet /></RequireAuth>,
    children: [
      { path: 'inst/live', lazy: () => import('./SessionListPage').then((m) => ({ Component: m.SessionListPage })) },
      { path: 'inst/live/new', lazy: () => import('./NewSessionPage').then((m) => ({ Component: m.NewSessionPage })) },
      { path: 'inst/live/:sessionId', lazy: () => import('./SessionDetailPage').then((m) => ({ Component: m.SessionDetailPage })) },
      { path: 'inst/live/:sessionId/broadcast', lazy: () => import('./BroadcastPage').then((m) => ({ Component: m.BroadcastPage })) },
    ],
  },
];
