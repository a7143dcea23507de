import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../api/clients';
import { call } from '../../api/call';
import type { components } from '../../api/generated/live';
import { learnerKeys } from '../keys';

export type LiveSession = components['schemas']['SessionResponse'];

export const SESSIONS_PAGE_SIZE = 20;

/** The provision's live classes, newest first; the list is open to its enrolled learners. */
export function useLiveSessions(courseProvideId: string, page: number) {
  return useQuery({
    queryKey: learnerKeys.sessions(courseProvideId, page),
    queryFn: () => call(api.live.GET('/live/v1/sessions', { params: { query: { courseProvideId, page, size: SESSIONS_PAGE_SIZE } } })),
    placeholderData: keepPreviousData,
    // A class that goes live should show its entrance without a reload.
    refetchInterval: 60_000,
  });
}
