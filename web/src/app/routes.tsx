import { createBrowserRouter, Navigate, Outlet, type RouteObject } from 'react-router';
import { authRoutes } from '../auth/routes';
import { RequireAuth } from '../auth/RequireAuth';
import { learnerRoutes } from '../learner/routes';
import { liveRoutes } from '../live/routes';
import { StatusPage } from '../common/StatusPage';
import { studioRoutes } from '../live/studio/routes';
import { teachbackRoutes } from '../teachback/routes';
import { Shell } from '../layout/Shell';
import { examRoutes } from '../learner/exams/routes';
import { certificateRoutes, verifyRoutes } from '../certificates/routes';
import { boardRoutes } from '../board/routes';
import { HomeRedirect } from './HomeRedirect';

// Each feature folder exports its routes; pages are lazy so the first load carries only what it shows.
const signedIn: RouteObject[] = [
  { path: 'onboarding', lazy: () => import('../onboarding/OnboardingPage').then((m) => ({ Component: m.OnboardingPage })) },
  { path: 'profile', lazy: () => import('../profile/ProfilePage').then((m) => ({ Component: m.ProfilePage })) },
  ...learnerRoutes,
  ...examRoutes,
  ...certificateRoutes,
  ...boardRoutes,
  ...teachbackRoutes,
  ...studioRoutes,
  ...liveRoutes,
];

const publicRoutes: RouteObject[] = [...verifyRoutes];

export const router = createBrowserRouter([
  {
    element: <Shell />,
    children: [
      { index: true, element: <HomeRedirect /> },
      ...authRoutes,
      ...publicRoutes,
      { element: <RequireAuth><Outlet /></RequireAuth>, children: signedIn },
      { path: 'not-found', element: <StatusPage kind="not-found" /> },
      { path: '*', element: <StatusPage kind="not-found" /> },
    ],
  },
  { path: 'index.html', element: <Navigate to="/" replace /> },
], { basename: '/app' });

