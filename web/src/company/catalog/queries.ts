import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/clients';
import { call } from '../../api/call';
import type { components } from '../../api/generated/institution';

export type CatalogCourse = components['schemas']['CatalogCourseView'];
export type CatalogItem = components['schemas']['CatalogItem'];

export const CATALOG_PAGE_SIZE = 20;

/** With a search word the service counts at most this many; the pages past it can still be read. */
export const COUNT_CAP = 1000;

export type CatalogSearch = { q: string; category: string | null; page: number };

export function useCatalog({ q, category, page }: CatalogSearch) {
  return useQuery({
    queryKey: ['institution', 'catalog', q, category, page],
    queryFn: () => call(api.institution.GET('/institution/v1/catalog', {
      params: { query: { q: q || undefined, category: category ?? undefined, page, size: CATALOG_PAGE_SIZE } },
    })),
    placeholderData: (previous) => previous,
  });
}

export function useCategories() {
  return useQuery({
    queryKey: ['institution', 'categories'],
    queryFn: () => call(api.institution.GET('/institution/v1/categories')),
    staleTime: Infinity,
  });
}

export function useCatalogCourse(id: string) {
  return useQuery({
    queryKey: ['institution', 'catalog', 'course', id],
    queryFn: () => call(api.institution.GET('/institution/v1/catalog/{id}', { params: { path: { id } } })),
  });
}
