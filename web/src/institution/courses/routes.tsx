import { Outlet, type RouteObject } from 'react-router';
import { RequireAuth } from '../../auth/RequireAuth';

// The institution's own courses: its managers' alone.
export const instCourseRoutes: RouteObject[] = [
  {
    element: <RequireAuth roles={['InstitutionManager']}><Outlet /></RequireAuth>,
    children: [
      { path: 'inst/courses', lazy: () => import('./CourseListPage').then((m) => ({ Component: m.CourseListPage })) },
      { path: 'inst/courses/new', lazy: () => import('./NewCoursePage').then((m) => ({ Component: m.NewCoursePage })) },
      { path: 'inst/courses/:courseId', lazy: () => import('./CoursePage').then((m) => ({ Component: m.CoursePage })) },
      { path: 'inst/courses/:courseId/builder', lazy: () => import('./builder/BuilderPage').then((m) => ({ Component: m.BuilderPage })) },
    ],
  },
];
