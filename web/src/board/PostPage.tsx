import { Anchor, Badge, Button, Divider, Group, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { useSession } from '../auth/useSession';
import { QueryState } from '../common/QueryState';
import { StatusPage } from '../common/StatusPage';
import { koreaDateTime } from '../common/time';
import { usePageTitle } from '../common/usePageTitle';
import { boardKeys, deletePost, fetchPost, updatePost, type Post } from './boardApi';
import { learnerPlace, listOf, type BoardPlace } from './boardPlace';
import { Comments } from './Comments';
import { ConfirmDialog } from './ConfirmDialog';
import { MarkdownView } from './MarkdownView';
import { PostBadges } from './PostBadges';
import { PostForm } from './PostForm';
import { useEnrollment } from './useBoard';

/** `/courses/:enrollmentId/board/:postId`: one post, its author's edit and delete, and its comments. */
export function PostPage() {
  const { enrollmentId = '', postId = '' } = useParams();
  const enrollment = useEnrollment(enrollmentId);
  // Each person's first read counts a view; later reads of the same post do not.
  const post = useQuery({ queryKey: boardKeys.post(postId), queryFn: () => fetchPost(postId) });
  usePageTitle(post.data?.title);
  return (
    <Stack gap="md" maw={960} mx="auto">
      <QueryState query={enrollment}>
        {(detail) => (
          <QueryState query={post}>
            {(found) => found.provisionId === detail.courseProvideId
              ? <PostView post={found} place={learnerPlace(enrollmentId, detail.courseProvideId)} />
              : <StatusPage kind="not-found" />}
          </QueryState>
        )}
      </QueryState>
    </Stack>
  );
}

/**
 * A post for a learner or a manager: its author edits it (a manager's notice also its pin), its author or any manager
 * of the board deletes it.
 */
export function PostView({ post, place }: { post: Post; place: BoardPlace }) {
  const { t, i18n } = useTranslation('board');
  const { me } = useSession();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const [deleteError, setDeleteError] = useState<unknown>(null);
  const cpId = place.cpId;
  const mine = me?.userId === post.authorId;
  const boardLink = listOf(place, post.type);
  const pinnable = place.manager && post.type === 'NOTICE';

  const save = async (title: string, body: string, pinned: boolean) => {
    const saved = await updatePost(post.id, title, body, pinnable ? pinned : undefined);
    queryClient.setQueryData(boardKeys.post(post.id), saved);
    void queryClient.invalidateQueries({ queryKey: boardKeys.allPosts(cpId) });
    setEditing(false);
    notifications.show({ message: t('post.saved'), color: 'green', closeButtonProps: { 'aria-label': t('common:close') } });
  };

  const remove = async () => {
    setDeleting(true);
    setDeleteError(null);
    try {
      await deletePost(post.id);
      queryClient.removeQueries({ queryKey: boardKeys.post(post.id) });
      void queryClient.invalidateQueries({ queryKey: boardKeys.allPosts(cpId) });
      notifications.show({ message: t('post.deleted'), color: 'green', closeButtonProps: { 'aria-label': t('common:close') } });
      navigate(boardLink, { replace: true });
    } catch (error) {
      setDeleteError(error);
      setDeleting(false);
    }
  };

  return (
    <Stack gap="md">
      <Anchor component={Link} to={boardLink} size="sm" w="fit-content">{t('backToBoard')}</Anchor>
      {editing ? (
        <>
          <Title order={1}>{t('form.editTitle')}</Title>
          <PostForm heading={t('form.editTitle')} initialTitle={post.title} initialBody={post.body} submitLabel={t('form.submitEdit')}
            pinnable={pinnable} initialPinned={post.pinned} onSubmit={save} onCancel={() => setEditing(false)} />
        </>
      ) : (
        <article aria-labelledby="post-title">
          <Stack gap="sm">
            <Group gap="xs">
              <Badge variant="light">{post.type === 'QUESTION' ? t('badge.question') : t('badge.notice')}</Badge>
              <PostBadges type={post.type} pinned={post.pinned} answered={post.answered} />
            </Group>
            <Title order={1} id="post-title" style={{ overflowWrap: 'anywhere' }}>{post.title}</Title>
            <Text size="sm" c="gray.7">
              {post.authorName ?? t('meta.unknownAuthor')} · {t('meta.createdAt', { time: koreaDateTime(post.createdAt, i18n.language) })}
              {post.updatedAt !== post.createdAt && ` · ${t('meta.updatedAt', { time: koreaDateTime(post.updatedAt, i18n.language) })}`}
              {' · '}{t('meta.views', { count: post.viewCount })} · {t('meta.comments', { count: post.commentCount })}
            </Text>
            <Divider />
            <MarkdownView source={post.body} headingOffset={1} />
            {(mine || place.manager) && (
              <Group gap="sm">
                {mine && <Button variant="default" onClick={() => setEditing(true)}>{t('post.edit')}</Button>}
                <Button variant="default" color="red.9" c="red.9" onClick={() => setConfirming(true)}>{t('post.delete')}</Button>
              </Group>
            )}
          </Stack>
        </article>
      )}
      <Comments post={post} cpId={cpId} manager={place.manager} />
      <ConfirmDialog
        opened={confirming}
        title={t('post.deleteTitle')}
        body={mine ? t('post.deleteBody') : t('post.deleteOthersBody')}
        confirmLabel={t('post.delete')}
        busy={deleting}
        error={deleteError}
        onConfirm={() => void remove()}
        onClose={() => { setConfirming(false); setDeleteError(null); }}
      />
    </Stack>
  );
}
