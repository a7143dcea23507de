import { Anchor, Stack, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { boardKeys, createNotice } from '../../board/boardApi';
import { listOf, managerPlace } from '../../board/boardPlace';
import { PostForm } from '../../board/PostForm';
import { QueryState } from '../../common/QueryState';
import { usePageTitle } from '../../common/usePageTitle';
import { useProvision } from './provisionApi';

/** `/inst/boards/:cpId/new`: a manager writes a notice for the class, pinned or not. */
export function NewNoticePage() {
  const { t } = useTranslation('board');
  const { cpId = '' } = useParams();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const provision = useProvision(cpId);
  const place = managerPlace(cpId);
  const list = listOf(place, 'NOTICE');
  usePageTitle(t('form.newNoticeTitle'));
  return (
    <Stack gap="md" maw={960}>
      <Anchor component={Link} to={list} size="sm" w="fit-content">{t('backToBoard')}</Anchor>
      <Title order={1}>{t('form.newNoticeTitle')}</Title>
      <QueryState query={provision}>
        {() => (
          <PostForm heading={t('form.newNoticeTitle')} submitLabel={t('form.submitNotice')} pinnable onCancel={() => navigate(list)}
            onSubmit={async (title, body, pinned) => {
              const created = await createNotice(cpId, title, body, pinned);
              queryClient.setQueryData(boardKeys.post(created.id), created);
              void queryClient.invalidateQueries({ queryKey: boardKeys.allPosts(cpId) });
              navigate(`${place.base}/${created.id}`, { replace: true });
            }} />
        )}
      </QueryState>
    </Stack>
  );
}
