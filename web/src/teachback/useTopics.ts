import { useQuery } from '@tanstack/react-query';
import { api } from '../api/clients';
import { call } from '../api/call';
import { teachbackKeys } from './keys';

/** The topics I may practise now: my courses' and the free-practice catalog. */
export function useTopics() {
  return useQuery({
    queryKey: teachbackKeys.topics,
    queryFn: () => call(api.student.GET('/student/v1/teachback-topics')),
    staleTime: 60_000,
  });
}
