import type { components } from '../../api/generated/student';

type Enrollment = components['schemas']['EnrollmentDetail'];
type Item = components['schemas']['EnrollmentItem'];

/**
 * The course item that offers a session's recording. Learners are not told the recording's file (docs/API.md gives
 * `recording` to managers only), so the item is the course's video titled as the session, which is how the host page
 * attaches it unless the manager renames it.
 */
export function recordingItem(enrollment: Enrollment, sessionTitle: string): Item | null {
  const title = sessionTitle.trim();
  const matches = enrollment.chapters.flatMap((chapter) => chapter.items)
    .filter((item) => item.kind === 'VIDEO' && item.fileId !== null && item.title.trim() === title);
  // Two videos with the session's title: which one is the recording cannot be told, so the course room is offered.
  return matches.length === 1 ? matches[0] : null;
}
