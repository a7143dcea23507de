import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../api/clients';
import { call } from '../api/call';
import { learnerKeys } from './keys';

export const ENROLLMENTS_PAGE_SIZE = 20;

/** One page of the caller's enrollments, newest course period first. */
export function useEnrollments(page: number) {
  return useQuery({
    queryKey: learnerKeys.enrollments(page),
    queryFn: () => call(api.student.GET('/student/v1/enrollments', { params: { query: { page, size: ENROLLMENTS_PAGE_SIZE } } })),
    placeholderData: keepPreviousData,
  });
}
