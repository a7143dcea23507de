import { Stack } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useParams } from 'react-router';
import { boardKeys, fetchPost } from '../../board/boardApi';
import { managerPlace } from '../../board/boardPlace';
import { PostView } from '../../board/PostPage';
import { QueryState } from '../../common/QueryState';
import { StatusPage } from '../../common/StatusPage';
import { usePageTitle } from '../../common/usePageTitle';

/** `/inst/boards/:cpId/:postId`: one post for a manager: answer a question, edit or pin a notice, delete. */
export function ManagerPostPage() {
  const { cpId = '', postId = '' } = useParams();
  const post = useQuery({ queryKey: boardKeys.post(postId), queryFn: () => fetchPost(postId) });
  usePageTitle(post.data?.title);
  return (
    <Stack gap="md" maw={960}>
      <QueryState query={post}>
        {(found) => found.provisionId === cpId ? <PostView post={found} place={managerPlace(cpId)} /> : <StatusPage kind="not-found" />}
      </QueryState>
    </Stack>
  );
}
