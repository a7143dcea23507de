import type { RouteObject } from 'react-router';

export const examRoutes: RouteObject[] = [
  { path: 'courses/:enrollmentId/exams/:examId', lazy: () => import('./ExamPage').then((m) => ({ Component: m.ExamPage })) },
];
