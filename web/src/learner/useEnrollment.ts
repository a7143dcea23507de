import { useQuery } from '@tanstack/react-query';
import { api } from '../api/clients';
import { call } from '../api/call';
import type { components } from '../api/generated/student';
import { learnerKeys } from './keys';

export type EnrollmentDetail = components['schemas']['EnrollmentDetail'];

/** One enrollment of the caller with the course outline and their progress; someone else's is a 404. */
export function useEnrollment(id: string) {
  return useQuery({
    queryKey: learnerKeys.enrollment(id),
    queryFn: () => call(api.student.GET('/student/v1/enrollments/{id}', { params: { path: { id } } })),
  });
}
