import type { RouteObject } from 'react-router';
import { SignInPage } from './SignInPage';

// Sign-in is in the first bundle (most visits start there); the rest load when opened.
export const authRoutes: RouteObject[] = [
  { path: 'signin', element: <SignInPage /> },
  { path: 'signup', lazy: () => import('./SignUpPage').then((m) => ({ Component: m.SignUpPage })) },
  { path: 'confirm', lazy: () => import('./ConfirmPage').then((m) => ({ Component: m.ConfirmPage })) },
  { path: 'password/forgot', lazy: () => import('./ForgotPasswordPage').then((m) => ({ Component: m.ForgotPasswordPage })) },
  { path: 'password/reset', lazy: () => import('./ResetPasswordPage').then((m) => ({ Component: m.ResetPasswordPage })) },
];
