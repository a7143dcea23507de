/**
 * Whose view of a class's board a page is: a learner's, reached through their enrollment, or a manager's of the
 * institution, reached through the provision. The pages and components are the same; the place says where links go
 * and what the reader may write (a learner asks questions, a manager writes notices and deletes any post or comment).
 * The board service decides all of it again on every call.
 */
export type BoardPlace = {
  /** The course provision whose board it is. */
  cpId: string;
  /** The list's address; a post is at `${base}/${postId}`, writing at `${base}/new`. */
  base: string;
  manager: boolean;
};

export function learnerPlace(enrollmentId: string, cpId: string): BoardPlace {
  return { cpId, base: `/courses/${enrollmentId}/board`, manager: false };
}

export function managerPlace(cpId: string): BoardPlace {
  return { cpId, base: `/inst/boards/${cpId}`, manager: true };
}

/** The list on the tab a post belongs to. */
export function listOf(place: BoardPlace, type: string): string {
  return `${place.base}?type=${type === 'QUESTION' ? 'QUESTION' : 'NOTICE'}`;
}

/** What the reader may write on the board's tab: a learner asks in the Q&A, a manager writes in the notices. */
export function writesOn(place: BoardPlace, type: 'NOTICE' | 'QUESTION'): boolean {
  return place.manager ? type === 'NOTICE' : type === 'QUESTION';
}
