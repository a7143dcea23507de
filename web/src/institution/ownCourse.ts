import { useQuery } from '@tanstack/react-query';
import { api } from '../api/clients';
import { call } from '../api/call';

/**
 * One of the institution's own courses, for the title above a page that belongs to it (exams, teach-back topics);
 * another institution's course is a 404, which the page says as "찾을 수 없음".
 */
export function useOwnCourse(courseId: string) {
  return useQuery({
    queryKey: ['institution', 'courses', courseId],
    queryFn: () => call(api.institution.GET('/institution/v1/courses/{id}', { params: { path: { id: courseId } } })),
  });
}
