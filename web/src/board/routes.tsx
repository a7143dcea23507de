import type { RouteObject } from 'react-router';

export const boardRoutes: RouteObject[] = [
  { path: 'courses/:enrollmentId/board', lazy: () => import('./BoardPage').then((m) => ({ Component: m.BoardPage })) },
  { path: 'courses/:enrollmentId/board/new', lazy: () => import('./NewPostPage').then((m) => ({ Component: m.NewPostPage })) },
  { path: 'courses/:enrollmentId/board/:postId', lazy: () => import('./PostPage').then((m) => ({ Component: m.PostPage })) },
];
