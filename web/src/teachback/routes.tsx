import type { RouteObject } from 'react-router';

// Any signed-in person may practise the free catalog; which course topics and rankings they see is the service's answer.
export const teachbackRoutes: RouteObject[] = [
  { path: 'teachback', lazy: () => import('./TopicsPage').then((m) => ({ Component: m.TopicsPage })) },
  { path: 'teachback/topics/:topicId', lazy: () => import('./PracticePage').then((m) => ({ Component: m.PracticePage })) },
  { path: 'teachback/submissions/:submissionId', lazy: () => import('./SubmissionPage').then((m) => ({ Component: m.SubmissionPage })) },
  { path: 'teachback/history', lazy: () => import('./HistoryPage').then((m) => ({ Component: m.HistoryPage })) },
  { path: 'teachback/ranking', lazy: () => import('./RankingPage').then((m) => ({ Component: m.RankingPage })) },
];
