import { Outlet, type RouteObject } from 'react-router';
import { RequireAuth } from '../auth/RequireAuth';

// Learning is the employee's: another role opening these pages is told "권한 없음".
export const learnerRoutes: RouteObject[] = [
  {
    element: <RequireAuth roles={['Employee']}><Outlet /></RequireAuth>,
    children: [
      { path: 'courses', lazy: () => import('./courses/MyCoursesPage').then((m) => ({ Component: m.MyCoursesPage })) },
      { path: 'courses/:enrollmentId', lazy: () => import('./courses/CourseRoomPage').then((m) => ({ Component: m.CourseRoomPage })) },
      { path: 'courses/:enrollmentId/items/:itemId', lazy: () => import('./player/ItemPage').then((m) => ({ Component: m.ItemPage })) },
    ],
  },
];
