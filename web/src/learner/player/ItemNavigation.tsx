import { Button, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { LocatedItem } from './itemNavigation';

// Item titles can be long: the buttons wrap them instead of cutting them off on a phone.
const wrapping = { h: 'auto', py: 6, maw: '100%', styles: { label: { whiteSpace: 'normal' as const } } };

export function ItemNavigation({ enrollmentId, located }: { enrollmentId: string; located: LocatedItem }) {
  const { t } = useTranslation('learner');
  const to = (itemId: string) => `/courses/${enrollmentId}/items/${itemId}`;
  return (
    <Group component="nav" aria-label={t('player.navigation')} justify="space-between" gap="sm" wrap="wrap">
      {located.previous
        ? <Button component={Link} to={to(located.previous.id)} variant="default" {...wrapping}>← {t('player.previous', { title: located.previous.title })}</Button>
        : <span />}
      <Button component={Link} to={`/courses/${enrollmentId}`} variant="light">{t('player.back')}</Button>
      {located.next
        ? <Button component={Link} to={to(located.next.id)} {...wrapping}>{t('player.next', { title: located.next.title })} →</Button>
        : <span />}
    </Group>
  );
}
