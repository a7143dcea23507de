import { useQuery } from '@tanstack/react-query';
import { boardKeys, fetchEnrollment } from './boardApi';

/** The enrollment behind a board address: it names the course provision whose board it is, and the course. */
export function useEnrollment(enrollmentId: string) {
  return useQuery({ queryKey: boardKeys.enrollment(enrollmentId), queryFn: () => fetchEnrollment(enrollmentId) });
}
