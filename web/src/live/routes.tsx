import type { RouteObject } from 'react-router';

// The classroom pages load hls.js and the SignalR client with them, never with the first bundle.
export const liveRoutes: RouteObject[] = [
  { path: 'classroom/:sessionId', lazy: () => import('./classroom/ClassroomPage').then((m) => ({ Component: m.ClassroomPage })) },
  { path: 'inst/live/:sessionId/host', lazy: () => import('./host/HostPage').then((m) => ({ Component: m.HostPage })) },
];
