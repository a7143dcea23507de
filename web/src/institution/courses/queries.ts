import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/clients';
import { call } from '../../api/call';
import type { components } from '../../api/generated/institution';

export type Course = components['schemas']['CourseResponse'];
export type CourseSummary = components['schemas']['CourseSummary'];
export type CourseRequest = components['schemas']['CourseRequest'];
export type Category = components['schemas']['Category'];
export type Structure = components['schemas']['StructureResponse'];
export type CompletionRule = components['schemas']['CompletionRule'];

export const COURSE_STATES = ['DRAFT', 'PUBLISHED', 'ARCHIVED'] as const;
export const PAGE_SIZE = 20;

export const courseKeys = {
  all: ['institution', 'courses'] as const,
  list: (state: string, page: number) => ['institution', 'courses', 'list', state, page] as const,
  course: (id: string) => ['institution', 'courses', 'one', id] as const,
  structure: (id: string) => ['institution', 'courses', 'structure', id] as const,
  categories: ['institution', 'categories'] as const,
  file: (id: string) => ['content', 'file', id] as const,
};

export function useCourses(state: string, page: number) {
  return useQuery({
    queryKey: courseKeys.list(state, page),
    queryFn: () => call(api.institution.GET('/institution/v1/courses', { params: { query: { state, page, size: PAGE_SIZE } } })),
  });
}

export function useCourse(id: string) {
  return useQuery({
    queryKey: courseKeys.course(id),
    queryFn: () => call(api.institution.GET('/institution/v1/courses/{id}', { params: { path: { id } } })),
  });
}

/** The 25 training categories with their Korean titles; they do not change while the app runs. */
export function useCategories() {
  return useQuery({
    queryKey: courseKeys.categories,
    queryFn: () => call(api.institution.GET('/institution/v1/categories')),
    staleTime: Infinity,
  });
}

/** The structure with the version it is, from the `ETag` header, for `If-Match` on the next save. */
export async function readStructure(id: string): Promise<{ structure: Structure; etag: string | null }> {
  let etag: string | null = null;
  const structure = await call(api.institution.GET('/institution/v1/courses/{id}/structure', { params: { path: { id } } }).then((result) => {
    etag = result.response.headers.get('ETag');
    return result;
  }));
  return { structure, etag };
}

/** A stored file's description (name, size, type, measured duration), for the cover and the items. */
export function useFile(id: string | null | undefined) {
  return useQuery({
    queryKey: courseKeys.file(id ?? ''),
    enabled: !!id,
    queryFn: () => call(api.content.GET('/content/v1/files/{id}', { params: { path: { id: id! } } })),
    staleTime: 5 * 60_000,
  });
}
