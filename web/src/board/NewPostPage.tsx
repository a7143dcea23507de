import { Anchor, Stack, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { QueryState } from '../common/QueryState';
import { usePageTitle } from '../common/usePageTitle';
import { boardKeys, createQuestion } from './boardApi';
import { PostForm } from './PostForm';
import { useEnrollment } from './useBoard';

/** `/courses/:enrollmentId/board/new`: a learner asks a question on the class's board. */
export function NewPostPage() {
  const { t } = useTranslation('board');
  const { enrollmentId = '' } = useParams();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const enrollment = useEnrollment(enrollmentId);
  const boardLink = `/courses/${enrollmentId}/board?type=QUESTION`;
  usePageTitle(t('form.newTitle'));
  return (
    <Stack gap="md" maw={960} mx="auto">
      <Anchor component={Link} to={boardLink} size="sm" w="fit-content">{t('backToBoard')}</Anchor>
      <Title order={1}>{t('form.newTitle')}</Title>
      <QueryState query={enrollment}>
        {(detail) => (
          <PostForm
            heading={t('form.newTitle')}
            submitLabel={t('form.submitNew')}
            onCancel={() => navigate(boardLink)}
            onSubmit={async (title, body) => {
              const created = await createQuestion(detail.courseProvideId, title, body);
              queryClient.setQueryData(boardKeys.post(created.id), created);
              void queryClient.invalidateQueries({ queryKey: boardKeys.allPosts(detail.courseProvideId) });
              navigate(`/courses/${enrollmentId}/board/${created.id}`, { replace: true });
            }}
          />
        )}
      </QueryState>
    </Stack>
  );
}
