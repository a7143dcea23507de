import { Alert, Button, Center, Loader, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemError } from '../api/problem';
import { problemText } from './problemText';
import { StatusPage } from './StatusPage';

type Props<T> = {
  query: { data: T | undefined; error: unknown; isPending: boolean; refetch: () => unknown };
  children: (data: T) => ReactNode;
};

/**
 * The three states of a page's main query: loading, a refusal in words (404 → "찾을 수 없음", 403 → "권한 없음"),
 * or the data.
 */
export function QueryState<T>({ query, children }: Props<T>) {
  const { t } = useTranslation();
  if (query.isPending) {
    return <Center py="xl"><Loader role="status" aria-label={t('loading')} /></Center>;
  }
  if (query.error) {
    if (query.error instanceof ProblemError && query.error.status === 404) return <StatusPage kind="not-found" />;
    if (query.error instanceof ProblemError && query.error.status === 403) return <StatusPage kind="forbidden" />;
    return <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />;
  }
  return <>{children(query.data as T)}</>;
}

export function ErrorAlert({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  return (
    <Alert color="red" title={t('pages.errorTitle')} role="alert">
      <Stack gap="xs">
        <Text size="sm">{problemText(t, error)}</Text>
        {error instanceof ProblemError && error.traceId && (
          <Text size="xs" c="dimmed">{t('problem.traceId', { traceId: error.traceId })}</Text>
        )}
        {onRetry && <Button variant="light" size="xs" onClick={onRetry} w="fit-content">{t('retry')}</Button>}
      </Stack>
    </Alert>
  );
}
