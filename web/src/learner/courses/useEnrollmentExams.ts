import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/clients';
import { call } from '../../api/call';
import { learnerKeys } from '../keys';

/** The course's exams with the caller's attempts and best result. */
export function useEnrollmentExams(enrollmentId: string) {
  return useQuery({
    queryKey: learnerKeys.exams(enrollmentId),
    queryFn: () => call(api.student.GET('/student/v1/enrollments/{id}/exams', { params: { path: { id: enrollmentId } } })),
  });
}
