import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/clients';
import { call } from '../../api/call';
import { learnerKeys } from '../keys';
import { refreshDelayMs } from './urlRefresh';

export type FileUrl = { url: string; expiresAt: string; refreshInMs: number };

/**
 * A short-lived presigned URL of a course file, asked for again a minute before it ends, also while the tab is in the
 * background (a video keeps playing there). Never kept after the page goes: a URL from the cache may have expired.
 */
export function useFileUrl(fileId: string | null) {
  return useQuery({
    queryKey: learnerKeys.fileUrl(fileId ?? ''),
    enabled: fileId !== null,
    queryFn: async (): Promise<FileUrl> => {
      const result = await api.content.GET('/content/v1/files/{id}/url', { params: { path: { id: fileId ?? '' } } });
      const data = await call(Promise.resolve(result));
      return { ...data, refreshInMs: refreshDelayMs(data.expiresAt, result.response.headers.get('date'), Date.now()) };
    },
    staleTime: (query) => query.state.data?.refreshInMs ?? 0,
    gcTime: 0,
    refetchInterval: (query) => query.state.data?.refreshInMs ?? false,
    refetchIntervalInBackground: true,
  });
}
