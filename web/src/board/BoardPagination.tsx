import { Center, Pagination } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** Page links with names a screen reader can say ("2페이지", "다음 페이지"). */
export function BoardPagination({ total, value, onChange, label }: { total: number; value: number; onChange: (page: number) => void; label: string }) {
  const { t } = useTranslation('board');
  if (total <= 1) return null;
  return (
    <Center component="nav" aria-label={label}>
      <Pagination
        total={total}
        value={Math.min(value, total)}
        onChange={onChange}
        siblings={1}
        size="md"
        getItemProps={(page) => ({ 'aria-label': t('paging.page', { page }), 'aria-current': page === value ? 'page' : undefined })}
        getControlProps={(control) => ({ 'aria-label': t(`paging.${control}`) })}
      />
    </Center>
  );
}
