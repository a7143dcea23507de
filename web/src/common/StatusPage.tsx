import { Button, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { usePageTitle } from './usePageTitle';

/** "찾을 수 없음" / "권한 없음": what a person sees for another organisation's page or another role's page. */
export function StatusPage({ kind }: { kind: 'not-found' | 'forbidden' }) {
  const { t } = useTranslation();
  const title = kind === 'not-found' ? t('pages.notFoundTitle') : t('pages.forbiddenTitle');
  usePageTitle(title);
  return (
    <Stack align="center" py="xl" gap="md" role="alert">
      <Title order={1}>{title}</Title>
      <Text c="dimmed" ta="center">{kind === 'not-found' ? t('pages.notFoundBody') : t('pages.forbiddenBody')}</Text>
      <Button component={Link} to="/">{t('pages.goHome')}</Button>
    </Stack>
  );
}
