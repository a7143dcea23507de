import { Center, Pagination } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** Page numbers for a list the server pages; shown only when there is more than one page. */
export function PageNav({ label, page, size, total, onChange }: {
  label: string; page: number; size: number; total: number; onChange: (page: number) => void;
}) {
  const { t } = useTranslation();
  const pages = Math.ceil(total / size);
  if (pages <= 1) return null;
  return (
    <Center component="nav" aria-label={label}>
      <Pagination
        total={pages}
        value={Math.min(page, pages)}
        onChange={onChange}
        getControlProps={(control) => ({ 'aria-label': control === 'previous' || control === 'first' ? t('previous') : t('next') })}
      />
    </Center>
  );
}
