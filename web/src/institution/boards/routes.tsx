import { Outlet, type RouteObject } from 'react-router';
import { RequireAuth } from '../../auth/RequireAuth';

// The manager's board pages reuse the learner's board components (src/board/) in manager mode; their words are `board`'s.
export const instBoardRoutes: RouteObject[] = [
  {
    element: <RequireAuth roles={['InstitutionManager']}><Outlet /></RequireAuth>,
    children: [
      { path: 'inst/boards', lazy: () => import('./BoardsPage').then((m) => ({ Component: m.BoardsPage })) },
      { path: 'inst/boards/:cpId', lazy: () => import('./ManagerBoardPage').then((m) => ({ Component: m.ManagerBoardPage })) },
      { path: 'inst/boards/:cpId/new', lazy: () => import('./NewNoticePage').then((m) => ({ Component: m.NewNoticePage })) },
      { path: 'inst/boards/:cpId/:postId', lazy: () => import('./ManagerPostPage').then((m) => ({ Component: m.ManagerPostPage })) },
    ],
  },
];
