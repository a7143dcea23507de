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
import { catalogRoutes } from '../company/catalog/routes';
import { provisionRoutes } from '../company/provisions/routes';
import { inboxRoutes } from '../institution/inbox/routes';
import { instExamRoutes } from '../institution/exams/routes';
import { instTopicRoutes } from '../institution/topics/routes';
import { instBoardRoutes } from '../institution/boards/routes';
import { instProfileRoutes } from '../institution/profile/routes';
import { instCourseRoutes } from '../institution/courses/routes';
import { corpDashboardRoutes, instDashboardRoutes } from '../dashboards/routes';
import { companyProfileRoutes } from '../company/profile/routes';
import { adminRoutes } from '../admin/routes';
import i18n from '../i18n';
import { HomeRedirect } from './HomeRedirect';

// Each feature folder exports its routes; pages are lazy so the first load carries only what it shows.
const signedIn: RouteObject[] = [
  { path: 'onboarding', lazy: () => import('../onboarding/OnboardingPage').then((m) => ({ Component: m.OnboardingPage })) },
  { path: 'profile', lazy: () => import('../profile/ProfilePage').then((m) => ({ Component: m.ProfilePage })) },
  ...withWords(learnerRoutes, 'learner'),
  ...withWords(examRoutes, 'exams', 'learner'),
  ...withWords(certificateRoutes, 'certificates'),
  ...withWords(boardRoutes, 'board', 'learner'),
  ...withWords(teachbackRoutes, 'teachback'),
  ...withWords(studioRoutes, 'studio'),
  ...withWords(liveRoutes, 'live'),
  ...withWords(catalogRoutes, 'corpProvisions'),
  ...withWords(provisionRoutes, 'corpProvisions'),
  // The inbox shows provisions' states and history in the company side's words.
  ...withWords(inboxRoutes, 'instInbox', 'corpProvisions'),
  ...withWords(instExamRoutes, 'instExams'),
  ...withWords(instTopicRoutes, 'instTopics'),
  ...withWords(instBoardRoutes, 'instBoards', 'board'),
  ...withWords(instProfileRoutes, 'instProfile'),
  ...withWords(instCourseRoutes, 'instCourses'),
  ...withWords(instDashboardRoutes, 'dashboards'),
  ...withWords(corpDashboardRoutes, 'dashboards'),
  ...withWords(companyProfileRoutes, 'corpProfile'),
  // The catalog's topic form is the course topics' form, in its words.
  ...withWords(adminRoutes, 'admin', 'instTopics'),
];

const publicRoutes: RouteObject[] = [...withWords(verifyRoutes, 'certificates')];

/** A feature's pages load together with its words (one round trip, not a page that then waits for its sentences). */
function withWords(routes: RouteObject[], ...namespaces: string[]): RouteObject[] {
  return routes.map((route) => {
    const { lazy, children } = route;
    const words = () => i18n.loadNamespaces(namespaces);
    const next = { ...route } as RouteObject;
    if (typeof lazy === 'function') {
      next.lazy = (async () => (await Promise.all([lazy(), words()]))[0]) as typeof lazy;
    } else if (!lazy && (route.element || route.Component)) {
      next.loader = async (args) => {
        await words();
        return typeof route.loader === 'function' ? route.loader(args) : null;
      };
    }
    if (children) next.children = withWords(children, ...namespaces);
    return next;
  }) as RouteObject[];
}

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

