import { Alert, Badge, Button, Group, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../auth/useSession';
import { ImeSafeForm } from '../common/ImeSafeForm';
import { fieldErrors, problemText } from '../common/problemText';
import { QueryState } from '../common/QueryState';
import { koreaDateTime } from '../common/time';
import { BoardPagination } from './BoardPagination';
import { addComment, boardKeys, COMMENT_PAGE_SIZE, deleteComment, fetchComments, MAX_COMMENT, updateComment, type Comment, type Post } from './boardApi';
import { ConfirmDialog } from './ConfirmDialog';
import { MarkdownView } from './MarkdownView';
import { hasText, pageCount } from './paging';

/**
 * A post's comments, oldest first and paged; anyone on the board comments, authors edit and delete their own, and a
 * manager of the board deletes any.
 */
export function Comments({ post, cpId, manager = false }: { post: Post; cpId: string; manager?: boolean }) {
  const { t } = useTranslation('board');
  const queryClient = useQueryClient();
  const [page, setPage] = useState(1);
  const comments = useQuery({
    queryKey: boardKeys.comments(post.id, page),
    queryFn: () => fetchComments(post.id, page),
    placeholderData: keepPreviousData,
  });

  // A comment changes the post's counts (and a manager's answers a question), so the post and the lists are read again.
  const changed = () => {
    void queryClient.invalidateQueries({ queryKey: boardKeys.allComments(post.id) });
    void queryClient.invalidateQueries({ queryKey: boardKeys.post(post.id) });
    void queryClient.invalidateQueries({ queryKey: boardKeys.allPosts(cpId) });
  };

  return (
    <Stack component="section" gap="sm" aria-labelledby="comments-title">
      <Title order={2} size="h3" id="comments-title">{t('comments.title')}</Title>
      <QueryState query={comments}>
        {(list) => (
          <Stack gap="sm">
            {list.items.length === 0 ? <Text>{t('comments.empty')}</Text> : (
              <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: 'none' }}>
                {list.items.map((comment) => <CommentItem key={comment.id} comment={comment} manager={manager} onChanged={changed} />)}
              </Stack>
            )}
            <BoardPagination total={pageCount(list.total, COMMENT_PAGE_SIZE)} value={page} onChange={setPage} label={t('comments.pages')} />
          </Stack>
        )}
      </QueryState>
      <NewComment postId={post.id} answering={manager && post.type === 'QUESTION'} onAdded={() => {
        // The new comment is the last: show the page it is on.
        setPage(pageCount((comments.data?.total ?? 0) + 1, COMMENT_PAGE_SIZE));
        changed();
      }} />
    </Stack>
  );
}

function NewComment({ postId, answering, onAdded }: { postId: string; answering: boolean; onAdded: () => void }) {
  const { t } = useTranslation('board');
  const [body, setBody] = useState('');
  const [checked, setChecked] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const server = fieldErrors(t, error).body;
  const submit = async () => {
    setChecked(true);
    if (!hasText(body)) return;
    setBusy(true);
    setError(null);
    try {
      await addComment(postId, body);
      setBody('');
      setChecked(false);
      notifications.show({ message: t('comments.added'), color: 'green', closeButtonProps: { 'aria-label': t('common:close') } });
      onAdded();
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Paper withBorder p="sm">
      <ImeSafeForm onSubmit={() => void submit()} aria-labelledby="new-comment-title">
        <Stack gap="xs">
          <Title order={3} size="h5" id="new-comment-title">{answering ? t('comments.answer') : t('comments.add')}</Title>
          {answering && <Text size="sm" c="gray.7">{t('comments.answerHint')}</Text>}
          <Textarea label={t('comments.label')} value={body} maxLength={MAX_COMMENT} autosize minRows={3} maxRows={12}
            error={checked && !hasText(body) ? t('comments.required') : server}
            onChange={(event) => setBody(event.currentTarget.value)} />
          {error !== null && !server && <Alert color="red" role="alert">{problemText(t, error)}</Alert>}
          <Button type="submit" loading={busy} w="fit-content">{t('comments.submit')}</Button>
        </Stack>
      </ImeSafeForm>
    </Paper>
  );
}

function CommentItem({ comment, manager, onChanged }: { comment: Comment; manager: boolean; onChanged: () => void }) {
  const { t, i18n } = useTranslation('board');
  const { me } = useSession();
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(comment.body);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [confirming, setConfirming] = useState(false);
  const mine = me?.userId === comment.authorId;
  const author = comment.authorName ?? t('meta.unknownAuthor');

  const save = async () => {
    if (!hasText(draft)) return;
    setBusy(true);
    setError(null);
    try {
      await updateComment(comment.id, draft);
      setEditing(false);
      onChanged();
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  const remove = async () => {
    setBusy(true);
    setError(null);
    try {
      await deleteComment(comment.id);
      setConfirming(false);
      onChanged();
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Paper component="li" withBorder p="sm">
      <Stack gap={6}>
        <Group gap="xs">
          <Text fw={600} size="sm">{author}</Text>
          {comment.byManager && <Badge color="blue.9">{t('badge.manager')}</Badge>}
          <Text size="sm" c="gray.7">
            {koreaDateTime(comment.createdAt, i18n.language)}
            {comment.updatedAt !== comment.createdAt && ` (${t('meta.edited')})`}
          </Text>
        </Group>
        {editing ? (
          <ImeSafeForm onSubmit={() => void save()} aria-label={t('comments.editOf', { author })}>
            <Stack gap="xs">
              <Textarea label={t('comments.editLabel')} value={draft} maxLength={MAX_COMMENT} autosize minRows={2} maxRows={12}
                error={!hasText(draft) ? t('comments.required') : undefined} onChange={(event) => setDraft(event.currentTarget.value)} />
              {error !== null && <Alert color="red" role="alert">{problemText(t, error)}</Alert>}
              <Group gap="xs">
                <Button type="submit" size="xs" loading={busy}>{t('comments.save')}</Button>
                <Button size="xs" variant="default" onClick={() => { setEditing(false); setDraft(comment.body); setError(null); }}>{t('comments.cancel')}</Button>
              </Group>
            </Stack>
          </ImeSafeForm>
        ) : (
          <MarkdownView source={comment.body} headingOffset={3} />
        )}
        {(mine || manager) && !editing && (
          <Group gap="xs">
            {mine && <Button size="xs" variant="default" aria-label={t('comments.editOf', { author })} onClick={() => setEditing(true)}>{t('comments.edit')}</Button>}
            <Button size="xs" variant="default" c="red.9" aria-label={t('comments.deleteOf', { author })} onClick={() => setConfirming(true)}>{t('comments.delete')}</Button>
          </Group>
        )}
      </Stack>
      <ConfirmDialog
        opened={confirming}
        title={t('comments.deleteTitle')}
        body={t('comments.deleteBody')}
        confirmLabel={t('comments.delete')}
        busy={busy}
        error={error}
        onConfirm={() => void remove()}
        onClose={() => { setConfirming(false); setError(null); }}
      />
    </Paper>
  );
}
