import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/clients';
import { call } from '../../api/call';
import { learnerKeys } from '../keys';

/** A course file's name, type and size: what decides how a document item is shown. */
export function useFileInfo(fileId: string | null) {
  return useQuery({
    queryKey: learnerKeys.file(fileId ?? ''),
    enabled: fileId !== null,
    queryFn: () => call(api.content.GET('/content/v1/files/{id}', { params: { path: { id: fileId ?? '' } } })),
    staleTime: 5 * 60_000,
  });
}
