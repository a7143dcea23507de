import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

/** Names the page in the tab and for screen readers, which announce a title change after navigation. */
export function usePageTitle(title: string | undefined) {
  const { t } = useTranslation();
  useEffect(() => {
    document.title = title ? `${title} · ${t('common:appName')}` : t('common:appName');
  }, [title, t]);
}
