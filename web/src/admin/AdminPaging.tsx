import { Center, Pagination } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { pageCount } from './adminRules';

/** Page links with names a screen reader can say; nothing when everything fits on one page. */
export function AdminPaging({ total, size, page, onChange }: { total: number; size: number; page: number; onChange: (page: number) => void }) {
  const { t } = useTranslation('admin');
  const pages = pageCount(total, size);
  if (pages <= 1) return null;
  return (
    <Center component="nav" aria-label={t('paging.label')}>
      <Pagination total={pages} value={Math.min(page, pages)} onChange={onChange} siblings={1}
        // The page buttons keep their visible number as their name (axe: label-content-name-mismatch); the landmark says what they are.
        getItemProps={(item) => ({ 'aria-current': item === page ? 'page' : undefined })}
        getControlProps={(control) => ({ 'aria-label': t(`paging.${control}`) })} />
    </Center>
  );
}
