import { Outlet, type RouteObject } from 'react-router';
import { RequireAuth } from '../../auth/RequireAuth';

// The provision inbox: the institution managers' alone.
export const inboxRoutes: RouteObject[] = [
  {
    element: <RequireAuth roles={['InstitutionManager']}><Outlet /></RequireAuth>,
    children: [
      { path: 'inst/inbox', lazy: () => import('./InboxPage').then((m) => ({ Component: m.InboxPage })) },
      { path: 'inst/inbox/:provisionId', lazy: () => import('./InboxDetailPage').then((m) => ({ Component: m.InboxDetailPage })) },
    ],
  },
];
