import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../api/clients';
import { call } from '../../api/call';
import type { ExamRequest } from './examDraft';

export const EXAM_PAGE_SIZE = 20;
export const ATTEMPT_PAGE_SIZE = 20;

export const examKeys = {
  course: (courseId: string) => ['institution', 'exams', 'course', courseId] as const,
  list: (courseId: string, page: number) => ['institution', 'exams', 'course', courseId, page] as const,
  exam: (id: string) => ['institution', 'exams', 'exam', id] as const,
  attempts: (id: string, state: string, page: number) => ['institution', 'exams', 'attempts', id, state, page] as const,
};

export function useCourseExams(courseId: string, page: number) {
  return useQuery({
    queryKey: examKeys.list(courseId, page),
    queryFn: () => call(api.institution.GET('/institution/v1/courses/{courseId}/exams', {
      params: { path: { courseId }, query: { page, size: EXAM_PAGE_SIZE } },
    })),
    placeholderData: keepPreviousData,
  });
}

export function useExam(id: string) {
  return useQuery({
    queryKey: examKeys.exam(id),
    queryFn: () => call(api.institution.GET('/institution/v1/exams/{id}', { params: { path: { id } } })),
  });
}

export function useAttempts(id: string, state: string, page: number) {
  return useQuery({
    queryKey: examKeys.attempts(id, state, page),
    queryFn: () => call(api.institution.GET('/institution/v1/exams/{id}/attempts', {
      params: { path: { id }, query: { page, size: ATTEMPT_PAGE_SIZE, ...(state ? { state } : {}) } },
    })),
    placeholderData: keepPreviousData,
  });
}

export function createExam(courseId: string, body: ExamRequest) {
  return call(api.institution.POST('/institution/v1/courses/{courseId}/exams', { params: { path: { courseId } }, body }));
}

/** The exam's ETag is its version: a save over someone else's newer one is a 412 `stale-exam`, not a silent overwrite. */
const ifMatch = (version: number) => ({ 'If-Match': `"${version}"` });

export function replaceExam(id: string, version: number, body: ExamRequest) {
  return call(api.institution.PUT('/institution/v1/exams/{id}', { params: { path: { id } }, body, headers: ifMatch(version) }));
}

export function publishExam(id: string, version: number) {
  return call(api.institution.POST('/institution/v1/exams/{id}/publish', { params: { path: { id } }, headers: ifMatch(version) }));
}

export function deleteExam(id: string, version: number) {
  return call(api.institution.DELETE('/institution/v1/exams/{id}', { params: { path: { id } }, headers: ifMatch(version) }));
}
