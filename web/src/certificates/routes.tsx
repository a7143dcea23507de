import type { RouteObject } from 'react-router';

const verify = () => import('./VerifyPage').then((m) => ({ Component: m.VerifyPage }));

export const certificateRoutes: RouteObject[] = [
  { path: 'certificates', lazy: () => import('./CertificatesPage').then((m) => ({ Component: m.CertificatesPage })) },
  { path: 'certificates/:id/print', lazy: () => import('./CertificatePrintPage').then((m) => ({ Component: m.CertificatePrintPage })) },
];

/** Public: checking a certificate needs no sign-in. */
export const verifyRoutes: RouteObject[] = [
  { path: 'verify', lazy: verify },
  { path: 'verify/:code', lazy: verify },
];
