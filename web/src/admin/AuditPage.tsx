import { Anchor, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { QueryState } from '../common/QueryState';
import { usePageTitle } from '../common/usePageTitle';
import { useAdminActions } from './adminApi';
import { AdminPaging } from './AdminPaging';
import { PAGE_SIZE, TARGET_TYPES } from './adminRules';
import { AuditTable } from './AuditTable';
import { SearchBar } from './SearchBar';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** `/admin/audit` (`?targetType=&targetId=&page=`): every admin action, newest first, by target type or one target. */
export function AuditPage() {
  const { t } = useTranslation('admin');
  usePageTitle(t('audit.title'));
  const [params, setParams] = useSearchParams();
  const typeParam = params.get('targetType') ?? '';
  const targetType = (TARGET_TYPES as readonly string[]).includes(typeParam) ? typeParam : '';
  const idParam = params.get('targetId') ?? '';
  const targetId = UUID.test(idParam) ? idParam : '';
  const page = Math.max(1, Number.parseInt(params.get('page') ?? '1', 10) || 1);
  const query = useAdminActions({ targetType, targetId, page });
  const go = (next: Record<string, string>) => setParams(Object.fromEntries(Object.entries(next).filter(([, value]) => value)));
  const targetName = targetId ? query.data?.items[0]?.targetName : undefined;
  return (
    <Stack gap="md">
      <Title order={1}>{t('audit.title')}</Title>
      <Text c="dimmed" size="sm">{t('audit.intro')}</Text>
      {targetId ? (
        <Group gap="sm">
          <Text size="sm">{t('audit.onlyTarget', { name: targetName ?? targetId })}</Text>
          <Anchor component={Link} to="/admin/audit" size="sm">{t('audit.showAll')}</Anchor>
        </Group>
      ) : (
        <SearchBar key="audit" label={t('audit.title')} q="" placeholder="" selects={[{
          name: 'targetType', label: t('audit.targetType'), value: targetType,
          choices: TARGET_TYPES.map((type) => ({ value: type, label: t(`audit.targetTypes.${type}`) })),
        }]} onSearch={(values) => go({ targetType: values.targetType ?? '' })} hideText />
      )}
      <QueryState query={query}>
        {(list) => (
          <Stack gap="sm">
            <AuditTable entries={list.items} caption={t('audit.caption', { total: list.total })} />
            <AdminPaging total={list.total} size={PAGE_SIZE} page={page}
              onChange={(next) => go({ targetType, targetId, page: next > 1 ? String(next) : '' })} />
          </Stack>
        )}
      </QueryState>
    </Stack>
  );
}
