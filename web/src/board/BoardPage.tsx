import { Anchor, Button, Group, Paper, Stack, Tabs, Text, Title } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { QueryState } from '../common/QueryState';
import { koreaDateTime } from '../common/time';
import { usePageTitle } from '../common/usePageTitle';
import { BoardPagination } from './BoardPagination';
import { boardKeys, fetchPosts, POST_PAGE_SIZE, type PostListItem, type PostType } from './boardApi';
import { learnerPlace, writesOn, type BoardPlace } from './boardPlace';
import { pageCount, pageFromParam, typeFromParam } from './paging';
import { PostBadges } from './PostBadges';
import { useEnrollment } from './useBoard';

/** `/courses/:enrollmentId/board`: the class's notices and questions, a tab each, paged in the address. */
export function BoardPage() {
  const { t } = useTranslation('board');
  const { enrollmentId = '' } = useParams();
  const enrollment = useEnrollment(enrollmentId);
  const title = enrollment.data ? t('title', { course: enrollment.data.courseTitle }) : t('titleFallback');
  return (
    <Stack gap="md" maw={960} mx="auto">
      <Anchor component={Link} to={`/courses/${enrollmentId}`} size="sm" w="fit-content">{t('backToCourse')}</Anchor>
      <QueryState query={enrollment}>
        {(detail) => <BoardView title={title} place={learnerPlace(enrollmentId, detail.courseProvideId)} />}
      </QueryState>
    </Stack>
  );
}

/** A board's two tabs under its heading, for a learner or a manager (the place says which). */
export function BoardView({ title, place }: { title: string; place: BoardPlace }) {
  const { t } = useTranslation('board');
  const [params, setParams] = useSearchParams();
  const type = typeFromParam(params.get('type'));
  const page = pageFromParam(params.get('page'));
  usePageTitle(`${t(`tabs.${type}`)} · ${title}`);
  return (
    <>
      <Title order={1}>{title}</Title>
      <Tabs value={type} onChange={(value) => value && setParams({ type: value })} keepMounted={false}>
        <Tabs.List aria-label={t('tabs.label')}>
          <Tabs.Tab value="NOTICE">{t('tabs.NOTICE')}</Tabs.Tab>
          <Tabs.Tab value="QUESTION">{t('tabs.QUESTION')}</Tabs.Tab>
        </Tabs.List>
        {(['NOTICE', 'QUESTION'] as const).map((tab) => (
          <Tabs.Panel key={tab} value={tab} pt="md">
            <PostList place={place} type={tab} page={page} onPage={(next) => setParams({ type: tab, page: String(next) })} />
          </Tabs.Panel>
        ))}
      </Tabs>
    </>
  );
}

function PostList({ place, type, page, onPage }: { place: BoardPlace; type: PostType; page: number; onPage: (page: number) => void }) {
  const { t } = useTranslation('board');
  const posts = useQuery({
    queryKey: boardKeys.posts(place.cpId, type, page),
    queryFn: () => fetchPosts(place.cpId, type, page),
    placeholderData: keepPreviousData,
  });
  return (
    <Stack gap="md">
      {writesOn(place, type) && (
        <Group justify="flex-end">
          <Button component={Link} to={`${place.base}/new`}>{type === 'QUESTION' ? t('list.ask') : t('list.writeNotice')}</Button>
        </Group>
      )}
      <QueryState query={posts}>
        {(list) => (
          <Stack gap="sm">
            {list.total > 0 && <Text size="sm">{t('list.total', { count: list.total })}</Text>}
            {list.items.length === 0 ? (
              <Text>{list.total === 0 ? t(`list.empty${type}${place.manager ? 'Manager' : ''}`) : t('list.emptyPage')}</Text>
            ) : (
              <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: 'none' }}>
                {list.items.map((post) => <PostRow key={post.id} post={post} place={place} />)}
              </Stack>
            )}
            <BoardPagination total={pageCount(list.total, POST_PAGE_SIZE)} value={page} onChange={onPage} label={t('list.pages')} />
          </Stack>
        )}
      </QueryState>
    </Stack>
  );
}

function PostRow({ post, place }: { post: PostListItem; place: BoardPlace }) {
  const { t, i18n } = useTranslation('board');
  return (
    <Paper component="li" withBorder p="sm">
      <Stack gap={4}>
        <Group gap="xs" wrap="nowrap" align="flex-start" justify="space-between">
          <Anchor component={Link} to={`${place.base}/${post.id}`} fw={600} style={{ overflowWrap: 'anywhere' }}>
            {post.title}
          </Anchor>
          <PostBadges type={post.type} pinned={post.pinned} answered={post.answered} />
        </Group>
        <Text size="sm" c="gray.7">
          {post.authorName ?? t('meta.unknownAuthor')} · {koreaDateTime(post.createdAt, i18n.language)} · {t('meta.views', { count: post.viewCount })} · {t('meta.comments', { count: post.commentCount })}
        </Text>
      </Stack>
    </Paper>
  );
}
