import { Badge, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** Pinned notices, and whether a question has a manager's answer (the server derives it). */
export function PostBadges({ type, pinned, answered }: { type: string; pinned: boolean; answered: boolean }) {
  const { t } = useTranslation('board');
  return (
    <Group gap={4} wrap="nowrap">
      {type === 'NOTICE' && pinned && <Badge color="dark" variant="outline">{t('badge.pinned')}</Badge>}
      {type === 'QUESTION' && (answered
        ? <Badge color="teal.9">{t('badge.answered')}</Badge>
        : <Badge color="gray.7" variant="outline">{t('badge.waiting')}</Badge>)}
    </Group>
  );
}
