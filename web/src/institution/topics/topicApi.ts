import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/clients';
import { call } from '../../api/call';
import type { TopicRequest } from './topicDraft';

export const topicKeys = { course: (courseId: string) => ['institution', 'teachback-topics', courseId] as const };

export function useCourseTopics(courseId: string) {
  return useQuery({
    queryKey: topicKeys.course(courseId),
    queryFn: () => call(api.institution.GET('/institution/v1/courses/{courseId}/teachback-topics', { params: { path: { courseId } } })),
  });
}

export function createTopic(courseId: string, body: TopicRequest) {
  return call(api.institution.POST('/institution/v1/courses/{courseId}/teachback-topics', { params: { path: { courseId } }, body }));
}

export function updateTopic(id: string, body: TopicRequest) {
  return call(api.institution.PUT('/institution/v1/teachback-topics/{id}', { params: { path: { id } }, body }));
}

export function deleteTopic(id: string) {
  return call(api.institution.DELETE('/institution/v1/teachback-topics/{id}', { params: { path: { id } } }));
}
