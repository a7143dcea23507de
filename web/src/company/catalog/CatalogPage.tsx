import { Anchor, Button, Group, Pagination, ScrollArea, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { ImeSafeForm } from '../../common/ImeSafeForm';
import { QueryState } from '../../common/QueryState';
import { usePageTitle } from '../../common/usePageTitle';
import { CATALOG_PAGE_SIZE, COUNT_CAP, useCatalog, useCategories } from './queries';

/** The published courses, searched by a part of the course's or the institution's name and by category. */
export function CatalogPage() {
  const { t, i18n } = useTranslation('corpProvisions');
  usePageTitle(t('catalog.title'));
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const category = params.get('category');
  const page = Math.max(1, Number(params.get('page')) || 1);
  const [typed, setTyped] = useState(q);
  const [chosen, setChosen] = useState<string | null>(category);
  const categories = useCategories();
  const query = useCatalog({ q, category, page });

  const go = (next: { q: string; category: string | null; page: number }) => {
    const search = new URLSearchParams();
    if (next.q) search.set('q', next.q);
    if (next.category) search.set('category', next.category);
    if (next.page > 1) search.set('page', String(next.page));
    setParams(search);
  };
  const number = new Intl.NumberFormat(i18n.language);
  // A capped count (a search) still lets every page be read: a full page past the count offers the next one.
  const pageCount = (total: number, shown: number) => Math.max(page, Math.ceil(total / CATALOG_PAGE_SIZE),
    q && total >= COUNT_CAP && shown === CATALOG_PAGE_SIZE ? page + 1 : 0);

  return (
    <Stack gap="md">
      <Stack gap={4}>
        <Title order={1}>{t('catalog.title')}</Title>
        <Text c="dimmed" size="sm">{t('catalog.intro')}</Text>
      </Stack>
      <ImeSafeForm role="search" aria-label={t('catalog.searchLabel')} onSubmit={() => go({ q: typed.trim(), category: chosen, page: 1 })}>
        <Group align="flex-end" gap="sm" wrap="wrap">
          <TextInput label={t('catalog.q')} description={t('catalog.qHint')} maxLength={100} value={typed}
            onChange={(e) => setTyped(e.currentTarget.value)} w={{ base: '100%', sm: 320 }} />
          <Select label={t('catalog.category')} w={{ base: '100%', sm: 240 }} clearable
            placeholder={t('catalog.allCategories')}
            data={(categories.data ?? []).map((c) => ({ value: c.code, label: c.title }))}
            value={chosen} onChange={setChosen} />
          <Button type="submit">{t('catalog.search')}</Button>
        </Group>
      </ImeSafeForm>
      <QueryState query={query}>
        {(result) => result.items.length === 0 ? <Text>{t('catalog.empty')}</Text> : (
          <>
            <Text size="sm" role="status">
              {q && result.total >= COUNT_CAP ? t('catalog.totalCapped') : t('catalog.total', { count: result.total })}
            </Text>
            <ScrollArea type="auto">
              <Table striped highlightOnHover miw={680}>
                <Table.Caption>{t('catalog.caption')}</Table.Caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('catalog.course')}</Table.Th>
                    <Table.Th scope="col">{t('catalog.institution')}</Table.Th>
                    <Table.Th scope="col">{t('catalog.category')}</Table.Th>
                    <Table.Th scope="col">{t('catalog.period')}</Table.Th>
                    <Table.Th scope="col">{t('catalog.rating')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {result.items.map((course) => (
                    <Table.Tr key={course.id}>
                      <Table.Td><Anchor component={Link} to={`/corp/catalog/${course.id}`}>{course.title}</Anchor></Table.Td>
                      <Table.Td>{course.institutionName}</Table.Td>
                      <Table.Td>{course.category.title}</Table.Td>
                      <Table.Td>{t('catalog.periodDays', { count: course.periodDays })}</Table.Td>
                      <Table.Td>
                        {course.averageRating === null ? t('catalog.noRating')
                          : t('catalog.ratingValue', { rating: course.averageRating.toFixed(1), count: number.format(course.ratings) })}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </ScrollArea>
            {pageCount(result.total, result.items.length) > 1 && (
              <nav aria-label={t('catalog.pages')}>
                <Pagination total={pageCount(result.total, result.items.length)} value={page}
                  onChange={(next) => go({ q, category, page: next })}
                  getControlProps={(control) => control === 'previous' ? { 'aria-label': t('common:previous') }
                    : control === 'next' ? { 'aria-label': t('common:next') } : {}} />
              </nav>
            )}
          </>
        )}
      </QueryState>
    </Stack>
  );
}
