import type { components } from '../../api/generated/student';

export type EnrollmentChapter = components['schemas']['EnrollmentChapter'];
export type EnrollmentItem = components['schemas']['EnrollmentItem'];

export type LocatedItem = {
  chapter: EnrollmentChapter;
  item: EnrollmentItem;
  /** The items before and after it in the course's order, across chapters. */
  previous: EnrollmentItem | null;
  next: EnrollmentItem | null;
};

/** An item of the outline with its neighbours, or null when the course (as it stands now) has no such item. */
export function locateItem(chapters: EnrollmentChapter[], itemId: string): LocatedItem | null {
  const flat = chapters.flatMap((chapter) => chapter.items.map((item) => ({ chapter, item })));
  const index = flat.findIndex((entry) => entry.item.id === itemId);
  if (index < 0) return null;
  return {
    chapter: flat[index].chapter,
    item: flat[index].item,
    previous: index > 0 ? flat[index - 1].item : null,
    next: index < flat.length - 1 ? flat[index + 1].item : null,
  };
}
