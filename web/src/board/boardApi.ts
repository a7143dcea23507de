import { api } from '../api/clients';
import { call } from '../api/call';
import type { components } from '../api/generated/board';

export type PostListItem = components['schemas']['PostListItem'];
export type Post = components['schemas']['PostResponse'];
export type Comment = components['schemas']['CommentResponse'];
export type PostType = 'NOTICE' | 'QUESTION';

export const POST_PAGE_SIZE = 20;
export const COMMENT_PAGE_SIZE = 50;
/** The service's limits (PostRequest, CommentRequest). */
export const MAX_TITLE = 200;
export const MAX_BODY = 20_000;
export const MAX_COMMENT = 5_000;

export const boardKeys = {
  // The same query (and key) the course room uses: the enrollment names its course provision, whose board this is.
  enrollment: (enrollmentId: string) => ['student', 'enrollment', enrollmentId] as const,
  posts: (cpId: string, type: PostType, page: number) => ['board', 'provisions', cpId, 'posts', type, page] as const,
  allPosts: (cpId: string) => ['board', 'provisions', cpId, 'posts'] as const,
  post: (postId: string) => ['board', 'posts', postId] as const,
  comments: (postId: string, page: number) => ['board', 'posts', postId, 'comments', page] as const,
  allComments: (postId: string) => ['board', 'posts', postId, 'comments'] as const,
};

export function fetchEnrollment(enrollmentId: string) {
  return call(api.student.GET('/student/v1/enrollments/{id}', { params: { path: { id: enrollmentId } } }));
}

export function fetchPosts(cpId: string, type: PostType, page: number) {
  return call(api.board.GET('/board/v1/course-provides/{cpId}/posts', {
    params: { path: { cpId }, query: { type, page, size: POST_PAGE_SIZE } },
  }));
}

export function createQuestion(cpId: string, title: string, body: string) {
  return call(api.board.POST('/board/v1/course-provides/{cpId}/posts', {
    params: { path: { cpId } }, body: { type: 'QUESTION', title, body, pinned: false },
  }));
}

export function createNotice(cpId: string, title: string, body: string, pinned: boolean) {
  return call(api.board.POST('/board/v1/course-provides/{cpId}/posts', {
    params: { path: { cpId } }, body: { type: 'NOTICE', title, body, pinned },
  }));
}

export function fetchPost(postId: string) {
  return call(api.board.GET('/board/v1/posts/{id}', { params: { path: { id: postId } } }));
}

/** `pinned` only for a notice; left out, the pin stays as it is. */
export function updatePost(postId: string, title: string, body: string, pinned?: boolean) {
  return call(api.board.PUT('/board/v1/posts/{id}', {
    params: { path: { id: postId } }, body: pinned === undefined ? { title, body } : { title, body, pinned },
  }));
}

export function deletePost(postId: string) {
  return call(api.board.DELETE('/board/v1/posts/{id}', { params: { path: { id: postId } } }));
}

export function fetchComments(postId: string, page: number) {
  return call(api.board.GET('/board/v1/posts/{id}/comments', { params: { path: { id: postId }, query: { page, size: COMMENT_PAGE_SIZE } } }));
}

export function addComment(postId: string, body: string) {
  return call(api.board.POST('/board/v1/posts/{id}/comments', { params: { path: { id: postId } }, body: { body } }));
}

export function updateComment(commentId: string, body: string) {
  return call(api.board.PUT('/board/v1/comments/{id}', { params: { path: { id: commentId } }, body: { body } }));
}

export function deleteComment(commentId: string) {
  return call(api.board.DELETE('/board/v1/comments/{id}', { params: { path: { id: commentId } } }));
}
