import { Center, Loader } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation } from 'react-router';
import { ErrorAlert } from '../common/QueryState';
import { StatusPage } from '../common/StatusPage';
import { hasRole, useSession, type Role } from './useSession';

/** Signed-in pages: nobody signed in → sign-in, remembering the page; the wrong role → "권한 없음". */
export function RequireAuth({ roles, children }: { roles?: Role[]; children: ReactNode }) {
  const { t } = useTranslation();
  const { me, loading, error, refetch } = useSession();
  const location = useLocation();
  if (loading) return <Center py="xl"><Loader role="status" aria-label={t('loading')} /></Center>;
  if (error) return <ErrorAlert error={error} onRetry={() => void refetch()} />;
  if (!me) {
    const returnTo = location.pathname + location.search;
    return <Navigate to={`/signin?returnTo=${encodeURIComponent(returnTo)}`} replace />;
  }
  if (roles && !hasRole(me, ...roles)) return <StatusPage kind="forbidden" />;
  return <>{children}</>;
}

/** Only a path inside the app is a place to return to; anything else (another site, a scheme) goes home. */
export function safeReturnTo(value: string | null): string {
  if (!value || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return '/';
  return value;
}
