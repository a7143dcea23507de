import { Outlet, type RouteObject } from 'react-router';
import { RequireAuth } from '../../auth/RequireAuth';

export const instExamRoutes: RouteObject[] = [
  {
    element: <RequireAuth roles={['InstitutionManager']}><Outlet /></RequireAuth>,
    children: [
      { path: 'inst/courses/:courseId/exams', lazy: () => import('./ExamListPage').then((m) => ({ Component: m.ExamListPage })) },
      { path: 'inst/courses/:courseId/exams/new', lazy: () => import('./NewExamPage').then((m) => ({ Component: m.NewExamPage })) },
      { path: 'inst/exams/:id', lazy: () => import('./ExamPage').then((m) => ({ Component: m.ExamPage })) },
    ],
  },
];
