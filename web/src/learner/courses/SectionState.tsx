import { Center, Loader } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../common/QueryState';

/**
 * A section's query inside a page: loading, or its refusal in words right there. Unlike QueryState it never turns
 * the whole page into "찾을 수 없음" because one part of it was refused.
 */
export function SectionState<T>({ query, children }: {
  query: { data: T | undefined; error: unknown; isPending: boolean; refetch: () => unknown };
  children: (data: T) => ReactNode;
}) {
  const { t } = useTranslation();
  if (query.isPending) return <Center py="md"><Loader role="status" size="sm" aria-label={t('loading')} /></Center>;
  if (query.error) return <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />;
  return <>{children(query.data as T)}</>;
}
