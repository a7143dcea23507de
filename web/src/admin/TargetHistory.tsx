import { Anchor, Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { QueryState } from '../common/QueryState';
import { useAdminActions } from './adminApi';
import { AuditTable } from './AuditTable';

/** The newest admin actions on one account or organisation, with a link to all of them on the audit page. */
export function TargetHistory({ targetType, targetId, title }: { targetType: string; targetId: string; title: string }) {
  const { t } = useTranslation('admin');
  const query = useAdminActions({ targetType, targetId, page: 1 }, 10);
  return (
    <Stack gap="sm">
      <Title order={2} size="h3">{title}</Title>
      <QueryState query={query}>
        {(list) => (
          <>
            <AuditTable entries={list.items} caption={t('audit.caption', { total: list.total })} />
            {list.total > list.items.length && (
              <Anchor component={Link} to={`/admin/audit?targetType=${targetType}&targetId=${targetId}`} w="fit-content">{t('audit.title')}</Anchor>
            )}
          </>
        )}
      </QueryState>
    </Stack>
  );
}
