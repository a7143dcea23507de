import type { components } from '../../api/generated/institution';

type Structure = components['schemas']['StructureResponse'];
type StructureRequest = components['schemas']['StructureRequest'];
type ChapterPlan = components['schemas']['ChapterPlan'];
type ItemPlan = components['schemas']['ItemPlan'];

export type Attachment = {
  fileId: string;
  title: string;
  required: boolean;
  /** An existing chapter, or null for a new chapter at the end titled `newChapterTitle`. */
  chapterId: string | null;
  newChapterTitle: string;
};

/** Where a file already sits in the course, if it does. */
export function findAttached(structure: Structure, fileId: string): { chapter: string; item: string } | null {
  for (const chapter of structure.chapters) {
    const item = chapter.items.find((i) => i.fileId === fileId);
    if (item) return { chapter: chapter.title, item: item.title };
  }
  return null;
}

/**
 * The whole structure again (the route replaces it at once) with the recording added as a video at the end of the
 * chosen chapter; every existing chapter and item keeps its id, so learners' progress stays with it.
 */
export function withRecording(structure: Structure, attachment: Attachment): StructureRequest {
  const recording: ItemPlan = { id: null, title: attachment.title.trim(), kind: 'VIDEO', fileId: attachment.fileId, required: attachment.required };
  const chapters: ChapterPlan[] = [...structure.chapters].sort((a, b) => a.position - b.position).map((chapter) => ({
    id: chapter.id,
    title: chapter.title,
    items: [
      ...[...chapter.items].sort((a, b) => a.position - b.position)
        .map((item) => ({ id: item.id, title: item.title, kind: item.kind, fileId: item.fileId, required: item.required })),
      ...(chapter.id === attachment.chapterId ? [recording] : []),
    ],
  }));
  if (attachment.chapterId === null || !chapters.some((chapter) => chapter.id === attachment.chapterId)) {
    chapters.push({ id: null, title: attachment.newChapterTitle.trim(), items: [recording] });
  }
  return { chapters };
}
